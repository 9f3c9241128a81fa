import { describe, expect, it } from 'vitest';
import { Bsn, checkBsn, maskBsn, type BsnCheck } from '../../../shared/identity/bsn';

// Synthetic numbers only: the 99999xxxx range the Dutch BRP test data uses, plus well-known
// pattern numbers. Never a real person's BSN.
const cases: Array<[string, BsnCheck]> = [
  ['111222333', { ok: true, bsn: '111222333' }],
  ['123456782', { ok: true, bsn: '123456782' }],
  ['999999990', { ok: true, bsn: '999999990' }],
  ['999990007', { ok: true, bsn: '999990007' }],
  ['999990019', { ok: true, bsn: '999990019' }],
  ['999990020', { ok: true, bsn: '999990020' }],
  ['999990032', { ok: true, bsn: '999990032' }],
  ['9999.90.044', { ok: true, bsn: '999990044' }],
  ['999 990 056', { ok: true, bsn: '999990056' }],
  ['999-990-068', { ok: true, bsn: '999990068' }],
  [' 999990081 ', { ok: true, bsn: '999990081' }],
  ['99999006', { ok: true, bsn: '099999006' }],
  ['99999018', { ok: true, bsn: '099999018' }],
  ['111222334', { ok: false, problem: 'elfproef' }],
  ['123456789', { ok: false, problem: 'elfproef' }],
  ['999990008', { ok: false, problem: 'elfproef' }],
  ['999990091', { ok: false, problem: 'elfproef' }],
  ['99999007', { ok: false, problem: 'elfproef' }],
  ['000000000', { ok: false, problem: 'all-zero' }],
  ['0', { ok: false, problem: 'all-zero' }],
  ['', { ok: false, problem: 'empty' }],
  [' . - ', { ok: false, problem: 'empty' }],
  ['11122233a', { ok: false, problem: 'not-digits' }],
  ['111/222/333', { ok: false, problem: 'not-digits' }],
  ['１１１２２２３３３', { ok: false, problem: 'not-digits' }],
  ['1112223330', { ok: false, problem: 'too-long' }],
  ['-111222333', { ok: true, bsn: '111222333' }],
];

describe('BSN elfproef', () => {
  it.each(cases)('checkBsn(%j)', (raw, expected) => {
    expect(checkBsn(raw)).toEqual(expected);
  });

  it('has at least 20 table cases, valid and invalid', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter(([, c]) => c.ok).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter(([, c]) => !c.ok).length).toBeGreaterThanOrEqual(10);
  });

  it('catches every single-digit typo in a valid number', () => {
    const valid = '111222333';
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        if (typo !== valid) expect(checkBsn(typo).ok, typo).toBe(false);
      }
    }
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('111222333')).toBe('••••••333');
    expect(maskBsn('111222333')).not.toContain('111222');
  });

  it('gives the zod schema a normalised value or a specific message', () => {
    expect(Bsn.parse('111.222.333')).toBe('111222333');
    const bad = Bsn.safeParse('111222334');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/11-check/);
  });
});
