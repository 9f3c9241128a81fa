import { z } from 'zod';

export type PostcodeCheck = { ok: true; postcode: string; display: string } | { ok: false };

/** Letter pairs never issued, for historical reasons (docs/domain.md). */
const unusedLetters = new Set(['SA', 'SD', 'SS']);

/** A Dutch postcode as people type it ("3511ab", "NL-3511 AB"), normalised to "3511AB". */
export function checkPostcode(raw: string): PostcodeCheck {
  let compact = raw.replace(/[\s-]/g, '').toUpperCase();
  if (compact.startsWith('NL')) compact = compact.slice(2);
  if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(compact) || unusedLetters.has(compact.slice(4))) return { ok: false };
  return { ok: true, postcode: compact, display: formatPostcode(compact) };
}

/** "3511AB" -> "3511 AB", the way it is printed on letters. */
export function formatPostcode(postcode: string): string {
  return `${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}

export const Postcode = z.string().transform((raw, ctx) => {
  const result = checkPostcode(raw);
  if (result.ok) return result.postcode;
  ctx.addIssue({ code: 'custom', message: 'expected a Dutch postcode such as 3511 AB' });
  return z.NEVER;
});
