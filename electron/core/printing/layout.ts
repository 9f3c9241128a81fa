/**
 * A receipt as data. Templates are lists of blocks with "{placeholders}"; filling one in for a
 * paper width gives a layout, which the ESC/POS encoder and the HTML preview both draw.
 */
export type Align = 'left' | 'center' | 'right';
/** Character magnification: 1 is normal, 3 is three times as wide and as high. */
export type TextSize = 1 | 2 | 3 | 4;

export type TemplateBlock =
  | { type: 'text'; text: string; align?: Align; size?: TextSize; bold?: boolean; when?: string }
  | { type: 'qr'; payload: string; when?: string }
  | { type: 'rule' }
  | { type: 'feed'; lines: number }
  | { type: 'cut' };
export type Template = readonly TemplateBlock[];

export type LayoutBlock =
  | { type: 'text'; lines: string[]; align: Align; size: TextSize; bold: boolean }
  | { type: 'qr'; payload: string }
  | { type: 'rule' }
  | { type: 'feed'; lines: number }
  | { type: 'cut' };

export interface Layout {
  charactersPerLine: number;
  blocks: LayoutBlock[];
}

export type TemplateValues = Readonly<Record<string, string>>;

function fill(text: string, values: TemplateValues): string {
  return text.replace(/\{([a-zA-Z0-9.]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`receipt template uses {${name}}, which has no value`);
    return value;
  });
}

/**
 * A word longer than a line, in pieces that fit: after one of its own hyphens where it has them
 * ("Zoëterwoude-" / "Rijndijk"); where it has none, cut with a hyphen added, so no word is ever
 * cut without one (printers wrap on their own, mid-word and without the alignment).
 */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > width) {
    const hyphen = rest.lastIndexOf('-', width - 1);
    const cut = hyphen > 0 ? hyphen + 1 : Math.max(1, width - 1);
    pieces.push(hyphen > 0 ? rest.slice(0, cut) : `${rest.slice(0, cut)}-`);
    rest = rest.slice(cut);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Fits at this width by breaking words only after their own hyphens. */
function fitsAtHyphens(text: string, width: number): boolean {
  return text.split(/\s+/).every((word) => word.split(/(?<=-)/).every((part) => part.length <= width));
}

/** Word-wraps to `width` characters; a word longer than a line is broken as `breakWord` says, so nothing runs off the paper. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      if (word.length > width) {
        // A broken word starts on its own line; its last piece goes on with the next words.
        const pieces = breakWord(word, width);
        if (line) lines.push(line);
        lines.push(...pieces.slice(0, -1));
        line = '';
        rest = pieces.at(-1) ?? '';
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Enlarged text (a shop name, a code) keeps its size when its words fit, broken at their own
 * hyphens if need be; otherwise it prints one size smaller, down to normal, rather than cut a word.
 */
function fittingSize(text: string, size: TextSize, charactersPerLine: number): TextSize {
  for (let s = size; s > 1; s--) {
    if (fitsAtHyphens(text, Math.floor(charactersPerLine / s))) return s as TextSize;
  }
  return 1;
}

export function fillTemplate(template: Template, values: TemplateValues, charactersPerLine: number): Layout {
  const blocks: LayoutBlock[] = [];
  for (const block of template) {
    if ('when' in block && block.when !== undefined && !values[block.when]) continue;
    switch (block.type) {
      case 'text': {
        const text = fill(block.text, values);
        const size = fittingSize(text, block.size ?? 1, charactersPerLine);
        blocks.push({ type: 'text', lines: wrapText(text, Math.floor(charactersPerLine / size)), align: block.align ?? 'left', size, bold: block.bold ?? false });
        break;
      }
      case 'qr':
        blocks.push({ type: 'qr', payload: fill(block.payload, values) });
        break;
      default:
        blocks.push(block);
    }
  }
  return { charactersPerLine, blocks };
}
