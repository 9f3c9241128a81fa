import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinRollout, rolloutPosition } from '../../../electron/core/updates/rollout-ring';

const locationIds = Array.from({ length: 2000 }, (_, i) => `locatie-${i}`);

describe('the rollout ring of a location', () => {
  it('puts a location at the same place on every device and every start', () => {
    expect(rolloutPosition('zwolle-centrum')).toBe(rolloutPosition('zwolle-centrum'));
    const pos = rolloutPosition('zwolle-centrum');
    expect(Number.isInteger(pos) && pos >= 0 && pos <= 99).toBe(true);
  });

  it('spreads locations evenly, so a 10% stage reaches about a tenth of the shops', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const id of locationIds) {
      const bucket = Math.floor(rolloutPosition(id) / 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(150);
    for (const count of buckets) expect(count).toBeLessThan(250);
    const inTen = locationIds.filter((id) => isWithinRollout(id, 10)).length;
    expect(inTen).toBeGreaterThan(150);
    expect(inTen).toBeLessThan(250);
  });

  it('never takes a shop out of a rollout when the percentage goes up', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (id, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        if (isWithinRollout(id, low)) expect(isWithinRollout(id, high)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches no shop at 0%, every shop at 100% and without a percentage', () => {
    for (const id of locationIds.slice(0, 200)) {
      expect(isWithinRollout(id, 0)).toBe(false);
      expect(isWithinRollout(id, 100)).toBe(true);
      expect(isWithinRollout(id, undefined)).toBe(true);
      expect(isWithinRollout(id, null)).toBe(true);
    }
  });

  it('is exactly at the boundary: a shop at position p joins when the percentage passes p', () => {
    const id = locationIds.find((candidate) => rolloutPosition(candidate) === 37) ?? '';
    expect(rolloutPosition(id)).toBe(37);
    expect(isWithinRollout(id, 37)).toBe(false);
    expect(isWithinRollout(id, 37.5)).toBe(true);
    expect(isWithinRollout(id, 38)).toBe(true);
    expect(isWithinRollout(id, '38')).toBe(true);
  });

  it('holds a shop back when the release file has a percentage nobody can read', () => {
    for (const bad of ['ten', '', Number.NaN, {}, 'NaN']) expect(isWithinRollout('zwolle-centrum', bad)).toBe(false);
  });
});
