import { referenceAlphabet } from '../contract/requests-channels';

export type ReferenceProblem = 'empty' | 'length' | 'characters';

export type ParsedReference = { ok: true; code: string } | { ok: false; problem: ReferenceProblem; cleaned: string };

// Spaces of any kind, and the dashes people and keyboards type (hyphen, non-breaking hyphen, en and em dash, minus).
const separators = /[\s\-\u2010\u2011\u2012\u2013\u2014\u2212_.]/g;
const allowed = new RegExp(`^[${referenceAlphabet}]{8}$`);

/**
 * A reference as people type it, read aloud or scanned: any case, with or without the dash, with
 * spaces ("7uw9 y7cj", "7UW9Y7CJ", " 7uw9-y7cj ") becomes "7UW9-Y7CJ". The desk's field and the
 * core's input schema both go through this one function.
 */
export function parseReference(typed: string): ParsedReference {
  const cleaned = typed.replace(separators, '').toUpperCase();
  if (cleaned === '') return { ok: false, problem: 'empty', cleaned };
  if (cleaned.length !== 8) return { ok: false, problem: 'length', cleaned };
  if (!allowed.test(cleaned)) return { ok: false, problem: 'characters', cleaned };
  return { ok: true, code: `${cleaned.slice(0, 4)}-${cleaned.slice(4)}` };
}

/** The canonical code when the typed text is one, otherwise the text as typed (for the schema to refuse). */
export const normalizeReference = (typed: string): string => {
  const parsed = parseReference(typed);
  return parsed.ok ? parsed.code : typed;
};
