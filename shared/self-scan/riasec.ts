import { z } from 'zod';

/**
 * The six interest areas of Holland's RIASEC model, the model the O*NET Interest Profiler uses.
 * The scan's statements are our own; only the six areas are taken over.
 */
export const InterestArea = z.enum(['R', 'I', 'A', 'S', 'E', 'C']);
export type InterestArea = z.infer<typeof InterestArea>;
export const interestAreas = InterestArea.options;

/**
 * The two or three strongest areas of a scan, as a ticket or appointment carries them to the desk:
 * letters only (never an answer), each once.
 */
export const ScanAreas = z
  .array(InterestArea)
  .min(1)
  .max(3)
  .refine((areas) => new Set(areas).size === areas.length, 'an interest area is listed twice');
export type ScanAreas = z.infer<typeof ScanAreas>;

export const ScanAnswer = z.enum(['yes', 'a-bit', 'no']);
export type ScanAnswer = z.infer<typeof ScanAnswer>;

const points: Record<ScanAnswer, number> = { yes: 2, 'a-bit': 1, no: 0 };

export interface ScoredStatement {
  id: string;
  area: InterestArea;
}

export interface AreaScore {
  area: InterestArea;
  /** Points in this area: yes 2, a bit 1, no 0. */
  points: number;
  /** Points as a share of what the area's statements could give, 0-1; areas with more statements do not win by number. */
  share: number;
}

export interface ScanResult {
  /** Every area, strongest first; equal shares in the fixed RIASEC order, so the same answers always give the same order. */
  scores: AreaScore[];
  /**
   * The two or three areas to show. Two, or three when the third is as strong as the second (a tie
   * is never cut at random). Empty when every answer was "no": then there is nothing to point at,
   * and the screen says so instead of inventing a result.
   */
  strongest: InterestArea[];
}

/**
 * Scores the answers on the six areas. A statement without an answer counts as not asked (it
 * neither adds nor lowers the share); an answer to an unknown statement is ignored, so a screen
 * cannot add points the pack does not hold.
 */
export function scoreScan(statements: readonly ScoredStatement[], answers: Readonly<Record<string, ScanAnswer>>): ScanResult {
  const scores = interestAreas.map((area): AreaScore => {
    const answered = statements.filter((s) => s.area === area && answers[s.id] !== undefined);
    const got = answered.reduce((n, s) => n + points[answers[s.id] as ScanAnswer], 0);
    return { area, points: got, share: answered.length === 0 ? 0 : got / (answered.length * points.yes) };
  });
  const ranked = [...scores].sort((a, b) => b.share - a.share || interestAreas.indexOf(a.area) - interestAreas.indexOf(b.area));
  const positive = ranked.filter((s) => s.share > 0);
  const second = positive[1];
  const third = positive[2];
  const count = third && second && third.share === second.share ? 3 : Math.min(2, positive.length);
  return { scores: ranked, strongest: positive.slice(0, count).map((s) => s.area) };
}
