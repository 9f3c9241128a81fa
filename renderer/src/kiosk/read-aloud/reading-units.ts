/** One piece read aloud: a sentence, the element it is shown in (highlighted while it is read), and its language. */
export interface ReadingUnit {
  element: HTMLElement;
  text: string;
  language: string;
}

/** Elements a visitor sees as one piece of text: the one highlighted while a sentence of it is read. */
const blocks = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,label,legend,caption,figcaption,summary,blockquote,button,a';

function sentences(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  return Array.from(segmenter.segment(text), (s) => s.segment.trim()).filter((s) => s.length > 0);
}

/** A "sentence" longer than the voice takes (a list without full stops) is cut at the last space that fits. */
function fitted(sentence: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(' ', maxChars);
    const at = cut > 0 ? cut : maxChars;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/**
 * The screen's visible text in reading order, as sentences. Text the visitor cannot see (hidden,
 * aria-hidden pictograms) is skipped; what a visitor typed into a field is never read out, since
 * a field's value is not text in the page. A part marked with its own `lang` keeps that language.
 */
export function readingUnits(root: HTMLElement, language: string, maxChars: number): ReadingUnit[] {
  const order: HTMLElement[] = [];
  const texts = new Map<HTMLElement, string[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!parent || text.length === 0) continue;
    if (parent.closest('[aria-hidden="true"], [hidden], script, style, svg, template') || parent.getClientRects().length === 0) continue;
    const block = parent.closest<HTMLElement>(blocks);
    const element = block && root.contains(block) ? block : parent;
    const seen = texts.get(element);
    if (seen) seen.push(text);
    else {
      texts.set(element, [text]);
      order.push(element);
    }
  }
  return order.flatMap((element) => {
    const own = element.closest('[lang]')?.getAttribute('lang') ?? language;
    return sentences((texts.get(element) ?? []).join(' '), own)
      .flatMap((sentence) => fitted(sentence, maxChars))
      .map((text) => ({ element, text, language: own }));
  });
}
