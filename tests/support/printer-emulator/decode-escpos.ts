import { decodeCp858Byte } from '../../../shared/printing/code-page-858';

export type Dialect = 'epson' | 'star';
export type Align = 'left' | 'center' | 'right';

export interface PrintedLine {
  type: 'line';
  text: string;
  align: Align;
  bold: boolean;
  /** Character magnification, 1 = normal. */
  width: number;
  height: number;
  /** The code page the printer was in when it printed the line's first character. */
  codePage: string;
}
export type PrintedElement = PrintedLine | { type: 'qr'; payload: string } | { type: 'cut' };

export interface DecodedPaper {
  elements: PrintedElement[];
  /** Commands the emulator does not know: a receipt test should see none. */
  unknown: string[];
}

/** ESC t n (EPSON) and ESC GS t n (STAR) numbers for the code pages the emulator can read. */
const codePages: Record<Dialect, Record<number, string>> = {
  epson: { 0: 'PC437', 2: 'PC850', 16: 'WPC1252', 19: 'PC858' },
  star: { 0: 'NORMAL', 1: 'PC437', 4: 'PC858', 32: 'WPC1252' },
};

const hex = (bytes: ArrayLike<number>): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * Reads ESC/POS (EPSON) or Star Line mode bytes the way a printer would: text in the active code
 * page, styles, QR symbols (stored, then printed), cuts. Only code page 858 is decoded beyond
 * ASCII; in any other page a byte over 0x7F comes out as "?", so a wrong code page shows in the text.
 */
export function decodeEscPos(bytes: Uint8Array, dialect: Dialect): DecodedPaper {
  const elements: PrintedElement[] = [];
  const unknown: string[] = [];
  const initial = { align: 'left' as Align, bold: false, width: 1, height: 1, codePage: codePages[dialect][0] ?? 'PC437' };
  let state = { ...initial };
  let text = '';
  let lineStyle: typeof state | null = null;
  let storedQr: string | null = null;

  const flush = (): void => {
    const style = lineStyle ?? state;
    elements.push({ type: 'line', text, align: style.align, bold: style.bold, width: style.width, height: style.height, codePage: style.codePage });
    text = '';
    lineStyle = null;
  };
  const flushIfText = (): void => {
    if (text) flush();
  };
  const byteAt = (i: number): number => bytes[i] ?? 0;
  const alignOf = (n: number): Align => (['left', 'center', 'right'] as const)[n % 48] ?? 'left';
  const setCodePage = (n: number): void => {
    state.codePage = codePages[dialect][n] ?? `unknown(${n})`;
  };

  let i = 0;
  while (i < bytes.length) {
    const b = byteAt(i);
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x10 && byteAt(i + 1) === 0x04) {
      i += 3; // DLE EOT n: answered in real time by the server, prints nothing
    } else if (b === 0x0b && dialect === 'star') {
      flush();
      i += 1;
    } else if (b === 0x1b && dialect === 'epson') {
      const c = byteAt(i + 1);
      const n = byteAt(i + 2);
      if (c === 0x40) {
        flushIfText();
        state = { ...initial };
        i += 2;
      } else if (c === 0x74) {
        setCodePage(n);
        i += 3;
      } else if (c === 0x45) {
        state.bold = (n & 1) === 1;
        i += 3;
      } else if (c === 0x61) {
        state.align = alignOf(n);
        i += 3;
      } else if (c === 0x21) {
        state.bold = (n & 0x08) !== 0;
        state.height = n & 0x10 ? 2 : 1;
        state.width = n & 0x20 ? 2 : 1;
        i += 3;
      } else if (c === 0x64) {
        flushIfText();
        for (let k = 0; k < n; k++) flush();
        i += 3;
      } else if (c === 0x32) {
        i += 2;
      } else if ([0x33, 0x2d, 0x4d, 0x7b, 0x4a].includes(c)) {
        i += 3;
      } else {
        unknown.push(`ESC ${hex([c])}`);
        i += 2;
      }
    } else if (b === 0x1d && dialect === 'epson') {
      const c = byteAt(i + 1);
      const n = byteAt(i + 2);
      if (c === 0x21) {
        state.width = (n >> 4) + 1;
        state.height = (n & 0x0f) + 1;
        i += 3;
      } else if (c === 0x56) {
        flushIfText();
        elements.push({ type: 'cut' });
        i += n === 65 || n === 66 ? 4 : 3;
      } else if (c === 0x28 && n === 0x6b) {
        const length = byteAt(i + 3) + byteAt(i + 4) * 256;
        const params = bytes.subarray(i + 5, i + 5 + length);
        const [cn, fn] = [params[0], params[1]];
        if (cn === 0x31 && fn === 0x50) storedQr = Buffer.from(params.subarray(3)).toString('latin1');
        else if (cn === 0x31 && fn === 0x51) {
          flushIfText();
          elements.push({ type: 'qr', payload: storedQr ?? '' });
        }
        i += 5 + length;
      } else if ([0x42, 0x48, 0x66, 0x77, 0x68, 0x72].includes(c)) {
        i += 3;
      } else {
        unknown.push(`GS ${hex([c])}`);
        i += 2;
      }
    } else if (b === 0x1b && dialect === 'star') {
      const c = byteAt(i + 1);
      const n = byteAt(i + 2);
      if (c === 0x40) {
        flushIfText();
        state = { ...initial };
        i += 2;
      } else if (c === 0x1d && n === 0x74) {
        setCodePage(byteAt(i + 3));
        i += 4;
      } else if (c === 0x1d && n === 0x61) {
        state.align = alignOf(byteAt(i + 3));
        i += 4;
      } else if (c === 0x1d && n === 0x79) {
        const sub = byteAt(i + 3);
        if (sub === 0x53) i += 6;
        else if (sub === 0x44) {
          const length = byteAt(i + 6) + byteAt(i + 7) * 256;
          storedQr = Buffer.from(bytes.subarray(i + 8, i + 8 + length)).toString('latin1');
          i += 8 + length;
        } else if (sub === 0x50) {
          flushIfText();
          elements.push({ type: 'qr', payload: storedQr ?? '' });
          i += 4;
        } else {
          unknown.push(`ESC GS y ${hex([sub])}`);
          i += 4;
        }
      } else if (c === 0x45 || c === 0x46) {
        state.bold = c === 0x45;
        i += 2;
      } else if (c === 0x69) {
        state.height = n + 1;
        state.width = byteAt(i + 3) + 1;
        i += 4;
      } else if (c === 0x64) {
        flushIfText();
        elements.push({ type: 'cut' });
        i += 3;
      } else if (c === 0x34 || c === 0x35) {
        i += 2;
      } else if (c === 0x2d) {
        i += 3;
      } else if (c === 0x1e && n === 0x46) {
        i += 4;
      } else {
        unknown.push(`ESC ${hex([c])}`);
        i += 2;
      }
    } else if (b < 0x20) {
      unknown.push(`control ${hex([b])}`);
      i += 1;
    } else {
      if (!text) lineStyle = { ...state };
      text += state.codePage === 'PC858' ? decodeCp858Byte(b) : b < 0x80 ? String.fromCharCode(b) : '?';
      i += 1;
    }
  }
  flushIfText();
  return { elements, unknown };
}

export interface DecodedReceipt {
  lines: PrintedLine[];
  qrCodes: string[];
  cuts: number;
  /** The printed text, one line per line, for assertions that read like the paper. */
  text: string;
}

/** Splits a paper stream at its cuts: one receipt per cut, plus what follows the last cut if it printed anything. */
export function splitReceipts(paper: DecodedPaper): DecodedReceipt[] {
  const receipts: DecodedReceipt[] = [];
  let current: PrintedElement[] = [];
  const close = (cut: boolean): void => {
    const lines = current.filter((e): e is PrintedLine => e.type === 'line');
    const qrCodes = current.flatMap((e) => (e.type === 'qr' ? [e.payload] : []));
    if (cut || qrCodes.length > 0 || lines.some((l) => l.text.trim())) {
      receipts.push({ lines, qrCodes, cuts: cut ? 1 : 0, text: lines.map((l) => l.text).join('\n') });
    }
    current = [];
  };
  for (const element of paper.elements) {
    if (element.type === 'cut') close(true);
    else current.push(element);
  }
  close(false);
  return receipts;
}
