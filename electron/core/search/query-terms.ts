/** Longer input is not a search a visitor typed; it gets an empty result instead of a slow one. */
export const maxQueryChars = 200;
const maxTerms = 8;
const maxTermChars = 40;

/**
 * Folds a word the way the index's tokenizer (unicode61, remove_diacritics 2) does: lower case,
 * accents off, so "Financiële" and "financiele" are the same term.
 */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The words of a query, folded, as plain letters and digits only: quotes, operators and SQL
 * never reach FTS5, so no query can cause a syntax error. One-letter words are left out (too
 * unspecific while typing); an empty list means "no search".
 */
export function queryTerms(query: string): string[] {
  if (query.length > maxQueryChars) return [];
  const words = foldWord(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length >= 2 && w.length <= maxTermChars).slice(0, maxTerms);
}

/** Every word as a prefix ("werk" finds "werkgever"): search-as-you-type and Dutch compounds. */
export function matchExpression(terms: readonly string[], join: 'AND' | 'OR'): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(` ${join} `);
}

/** Letter trigrams with word boundaries, so one typo leaves most of a word's trigrams intact. */
export function trigrams(term: string): string[] {
  const padded = `^${term}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), which
 * is the typo touch-screen typists make most besides a wrong or missing letter.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}
