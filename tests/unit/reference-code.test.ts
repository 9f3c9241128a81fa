import { describe, expect, it } from 'vitest';
import { TypedReference } from '../../shared/contract/desk-channels';
import { parseReference } from '../../shared/domain/reference-code';

// As staff type a code that a visitor reads aloud or that a scanner sends.
const accepted: Array<[typed: string, code: string]> = [
  ['7UW9-Y7CJ', '7UW9-Y7CJ'],
  ['7uw9-y7cj', '7UW9-Y7CJ'],
  ['7uw9y7cj', '7UW9-Y7CJ'],
  ['7UW9Y7CJ', '7UW9-Y7CJ'],
  ['7uw9 y7cj', '7UW9-Y7CJ'],
  ['  7uw9 - y7cj  ', '7UW9-Y7CJ'],
  ['7 u w 9 y 7 c j', '7UW9-Y7CJ'],
  ['7uw9\ty7cj\n', '7UW9-Y7CJ'],
  ['7uw9\u2013y7cj', '7UW9-Y7CJ'],
  ['7uw9\u00a0y7cj', '7UW9-Y7CJ'],
  ['7uw9_y7cj', '7UW9-Y7CJ'],
  ['7Uw9.Y7cJ', '7UW9-Y7CJ'],
  ['k7qd-m3xa', 'K7QD-M3XA'],
];

const refused: Array<[typed: string, problem: 'empty' | 'length' | 'characters']> = [
  ['', 'empty'],
  ['  - ', 'empty'],
  ['7uw9-y7c', 'length'],
  ['7uw9-y7cjj', 'length'],
  ['7uw9y7cj7uw9y7cj', 'length'],
  // O, 0, I, 1, B, 8, S, 5, Z, 2 and L are left out of codes because they are easily mixed up.
  ['7UW9-Y7C0', 'characters'],
  ['OUW9-Y7CJ', 'characters'],
  ['7uw9-y7c!', 'characters'],
  ['7uw9-y7cé', 'characters'],
];

describe('reference codes as people type them', () => {
  it.each(accepted)('%j is %s', (typed, code) => {
    expect(parseReference(typed)).toEqual({ ok: true, code });
    expect(TypedReference.parse(typed)).toBe(code);
  });

  it.each(refused)('%j is refused (%s)', (typed, problem) => {
    expect(parseReference(typed)).toMatchObject({ ok: false, problem });
    expect(TypedReference.safeParse(typed).success).toBe(false);
  });

  it('keeps what was typed, cleaned, for the message', () => {
    expect(parseReference('7uw9 y7c')).toEqual({ ok: false, problem: 'length', cleaned: '7UW9Y7C' });
  });
});
