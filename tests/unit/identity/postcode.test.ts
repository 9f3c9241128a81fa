import { describe, expect, it } from 'vitest';
import { checkPostcode, Postcode } from '../../../shared/identity/postcode';

describe('Dutch postcode', () => {
  it.each([
    ['3511 AB', '3511AB'],
    ['3511ab', '3511AB'],
    ['3511-ab', '3511AB'],
    [' 1012 jS ', '1012JS'],
    ['NL-3511 AB', '3511AB'],
    ['nl3511AB', '3511AB'],
    ['9999 ZZ', '9999ZZ'],
  ])('accepts %j as %s', (raw, postcode) => {
    expect(checkPostcode(raw)).toEqual({ ok: true, postcode, display: `${postcode.slice(0, 4)} ${postcode.slice(4)}` });
  });

  it.each(['0123 AB', '351 AB', '35111 AB', '3511 A', '3511 ABC', '3511 SA', '3511 sd', '3511 SS', 'AB 3511', '3511 1B', '', 'B-3511 AB', '3511_AB'])(
    'rejects %j',
    (raw) => {
      expect(checkPostcode(raw)).toEqual({ ok: false });
    },
  );

  it('normalises through the zod schema and explains a rejection', () => {
    expect(Postcode.parse('3511ab')).toBe('3511AB');
    expect(Postcode.safeParse('3511 SS').error?.issues[0]?.message).toMatch(/3511 AB/);
  });
});
