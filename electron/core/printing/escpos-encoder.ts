import type thermal from 'node-thermal-printer';
import type { Layout } from './layout';

export type PrinterModel = 'epson' | 'star';

/**
 * node-thermal-printer and its code-page tables (iconv-lite) are about a third of the host's code:
 * loaded at the first print, not on the way to the first screen. It is CommonJS: the default
 * export works in both bundles (the browser host's ESM and the Electron main process's CJS).
 */
let library: Promise<typeof thermal> | null = null;
const loadLibrary = (): Promise<typeof thermal> => (library ??= import('node-thermal-printer').then((m) => m.default));

/** Star Line mode has no GS ! (character size); ESC i n1 n2 sets height and width expansion. */
function starTextSize(size: number): Buffer {
  return Buffer.from([0x1b, 0x69, size - 1, size - 1]);
}

/**
 * Star Line mode QR: model 2, correction M, cell size, then the data with its ESC GS y D 1 header.
 * node-thermal-printer 4.6.1 leaves that header out for STAR, so the printer would print the
 * length bytes and the payload as text and no QR at all; the emulator test caught it.
 */
function starQr(payload: string, cellSize: number): Buffer {
  const data = Buffer.from(payload, 'latin1');
  return Buffer.concat([
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length % 256, Math.floor(data.length / 256)]),
    data,
    Buffer.from([0x1b, 0x1d, 0x79, 0x50]),
  ]);
}

const qrCellSize = 6;

/**
 * Turns a layout into the printer's bytes. node-thermal-printer knows both command sets; the
 * layout is already wrapped to the line width, so the library's own line breaking is off.
 */
export async function encodeEscPos(layout: Layout, model: PrinterModel): Promise<Buffer> {
  const { ThermalPrinter, PrinterTypes, CharacterSet, BreakLine } = await loadLibrary();
  const printer: thermal.ThermalPrinter = new ThermalPrinter({
    type: model === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    // Only the byte buffer is wanted: the transport is ours (status checks, timeouts, job claims).
    interface: '',
    width: layout.charactersPerLine,
    characterSet: CharacterSet.PC858_EURO,
    breakLine: BreakLine.NONE,
    lineCharacter: '-',
  });
  const setSize = (size: number): void => {
    if (model === 'star') printer.add(starTextSize(size));
    else printer.setTextSize(size - 1, size - 1);
  };
  for (const block of layout.blocks) {
    switch (block.type) {
      case 'text':
        if (block.align === 'center') printer.alignCenter();
        else if (block.align === 'right') printer.alignRight();
        else printer.alignLeft();
        if (block.bold) printer.bold(true);
        if (block.size !== 1) setSize(block.size);
        for (const line of block.lines) printer.println(line);
        if (block.size !== 1) setSize(1);
        if (block.bold) printer.bold(false);
        break;
      case 'qr':
        printer.alignCenter();
        if (model === 'star') printer.add(starQr(block.payload, qrCellSize));
        else printer.printQR(block.payload, { cellSize: qrCellSize, correction: 'M', model: 2 });
        printer.newLine();
        break;
      case 'rule':
        printer.alignLeft();
        printer.drawLine();
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) printer.newLine();
        break;
      case 'cut':
        printer.cut();
        break;
    }
  }
  return printer.getBuffer();
}
