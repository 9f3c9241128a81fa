import type { TextSegment } from '../../../shared/content/search-result';

/** Control characters that cannot occur in indexed text (stripped on indexing) mark a match. */
export const markOpen = '\u0002';
export const markClose = '\u0003';

const isControl = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return code < 0x20 && ch !== '\n' && ch !== '\t' && ch !== '\r';
};

export function stripMarkers(text: string): string {
  return [...text].filter((ch) => !isControl(ch)).join('');
}

/**
 * Turns FTS5's highlight()/snippet() output into plain segments the renderer marks itself.
 * Paragraph breaks become spaces: a hit is a one-line preview.
 */
export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    if (text.length === 0) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
    text = '';
  };
  for (const ch of marked.replace(/\s+/g, ' ')) {
    if (ch === markOpen || ch === markClose) {
      flush();
      match = ch === markOpen;
    } else text += ch;
  }
  flush();
  return segments;
}
