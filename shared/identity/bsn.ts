import { z } from 'zod';

export type BsnProblem = 'empty' | 'not-digits' | 'too-long' | 'all-zero' | 'elfproef';
export type BsnCheck = { ok: true; bsn: string } | { ok: false; problem: BsnProblem };

const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * The citizen service number as staff type it: spaces, dots and dashes are dropped, a shorter
 * number is left-padded with zeros to nine digits, and the result must pass the 11-check
 * ("elfproef"). The rule is in docs/counter-and-hub.md (Identity).
 */
export function checkBsn(raw: string): BsnCheck {
  const stripped = raw.replace(/[\s.-]/g, '');
  if (stripped === '') return { ok: false, problem: 'empty' };
  if (!/^[0-9]+$/.test(stripped)) return { ok: false, problem: 'not-digits' };
  if (stripped.length > 9) return { ok: false, problem: 'too-long' };
  const bsn = stripped.padStart(9, '0');
  if (/^0+$/.test(bsn)) return { ok: false, problem: 'all-zero' };
  const sum = weights.reduce((acc, w, i) => acc + w * Number(bsn[i]), 0);
  return sum % 11 === 0 ? { ok: true, bsn } : { ok: false, problem: 'elfproef' };
}

/** Shown once staff have typed it: enough to recognise it, not enough to copy it. */
export function maskBsn(bsn: string): string {
  return `••••••${bsn.slice(-3)}`;
}

/** The zod form, for contracts: normalises to nine digits or names the problem. */
export const Bsn = z.string().transform((raw, ctx) => {
  const result = checkBsn(raw);
  if (result.ok) return result.bsn;
  ctx.addIssue({ code: 'custom', message: bsnMessages[result.problem] });
  return z.NEVER;
});

export const bsnMessages: Record<BsnProblem, string> = {
  empty: 'expected a BSN',
  'not-digits': 'a BSN has only digits (spaces, dots and dashes are allowed)',
  'too-long': 'a BSN has at most 9 digits',
  'all-zero': 'a BSN cannot be all zeros',
  elfproef: 'this number fails the 11-check; check the digits',
};
