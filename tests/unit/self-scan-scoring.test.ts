import { describe, expect, it } from 'vitest';
import { interestAreas, scoreScan, type InterestArea, type ScanAnswer, type ScoredStatement } from '../../shared/self-scan/riasec';

// Three statements per area, ids like "R1".
const statements: ScoredStatement[] = interestAreas.flatMap((area) => [1, 2, 3].map((n) => ({ id: `${area}${n}`, area })));
const answer = (per: Partial<Record<InterestArea, ScanAnswer[]>>, rest: ScanAnswer = 'no'): Record<string, ScanAnswer> =>
  Object.fromEntries(statements.map((s) => [s.id, per[s.area]?.[Number(s.id.slice(1)) - 1] ?? rest]));

describe('self-scan scoring on RIASEC', () => {
  const table: Array<{ name: string; answers: Record<string, ScanAnswer>; strongest: InterestArea[] }> = [
    { name: 'all no: nothing to show', answers: answer({}), strongest: [] },
    { name: 'all yes: a six-way tie, the first three in RIASEC order', answers: answer({}, 'yes'), strongest: ['R', 'I', 'A'] },
    { name: 'all a bit: the same tie', answers: answer({}, 'a-bit'), strongest: ['R', 'I', 'A'] },
    { name: 'one clear area and a runner-up', answers: answer({ S: ['yes', 'yes', 'yes'], C: ['yes', 'a-bit', 'no'] }), strongest: ['S', 'C'] },
    { name: 'a single area with points', answers: answer({ A: ['a-bit', 'no', 'no'] }), strongest: ['A'] },
    { name: 'a tie for second place shows three', answers: answer({ E: ['yes', 'yes', 'yes'], R: ['yes', 'no', 'no'], I: ['a-bit', 'a-bit', 'no'] }), strongest: ['E', 'R', 'I'] },
    { name: 'a tie for third place is not shown', answers: answer({ E: ['yes', 'yes', 'yes'], R: ['yes', 'yes', 'no'], I: ['yes', 'no', 'no'], C: ['a-bit', 'a-bit', 'no'] }), strongest: ['E', 'R'] },
    { name: 'a tie for first place between two', answers: answer({ C: ['yes', 'yes', 'no'], I: ['yes', 'a-bit', 'a-bit'] }), strongest: ['I', 'C'] },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(scoreScan(statements, row.answers).strongest).toEqual(row.strongest);
    });
  }

  it('gives points 2 / 1 / 0 and a share of what the area could give', () => {
    const result = scoreScan(statements, answer({ R: ['yes', 'a-bit', 'no'] }));
    expect(result.scores[0]).toEqual({ area: 'R', points: 3, share: 0.5 });
    expect(result.scores.map((s) => s.area)).toEqual(['R', 'I', 'A', 'S', 'E', 'C']);
  });

  it('scores an area by share, so an area with more statements does not win by number, and skipped statements do not count', () => {
    const uneven: ScoredStatement[] = [...statements, { id: 'R4', area: 'R' }, { id: 'R5', area: 'R' }];
    const answers = { R1: 'yes', R2: 'yes', R3: 'no', R4: 'no', R5: 'no', I1: 'yes', I2: 'yes' } as const;
    expect(scoreScan(uneven, answers).strongest).toEqual(['I', 'R']);
  });

  it('ignores answers to statements the pack does not hold', () => {
    expect(scoreScan(statements, { X9: 'yes', R1: 'no' }).strongest).toEqual([]);
  });
});
