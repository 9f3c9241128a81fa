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
 * Word-wraps to `width` characters; a word longer than a line is split, so nothing ever runs off
 * the paper (printers wrap on their own, mid-word and without the alignment).
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > width) {
        if (line) lines.push(line);
        line = '';
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      if (!rest) continue;
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

export function fillTemplate(template: Template, values: TemplateValues, charactersPerLine: number): Layout {
  const blocks: LayoutBlock[] = [];
  for (const block of template) {
    if ('when' in block && block.when !== undefined && !values[block.when]) continue;
    switch (block.type) {
      case 'text': {
        const size = block.size ?? 1;
        const width = Math.floor(charactersPerLine / size);
        blocks.push({ type: 'text', lines: wrapText(fill(block.text, values), width), align: block.align ?? 'left', size, bold: block.bold ?? false });
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
