import type { z } from 'zod';
import type { LabourMarketSchema, OccupationSchema } from '../content/pack-schema';
import { InterestArea } from './riasec';

type Occupation = z.infer<typeof OccupationSchema>;
type LabourMarket = z.infer<typeof LabourMarketSchema>;

export interface OccupationMatch {
  id: string;
  /** Present in the region's figures as growing. */
  growing: boolean;
}

const maxOccupations = 6;

/**
 * Occupations to explore for the strongest areas: an occupation whose own main area is the
 * visitor's strongest comes first, then by how many of the visitor's areas it shares; equal
 * matches keep the catalogue's order. An occupation sharing none is never shown.
 */
export function matchOccupations(catalogue: readonly Occupation[], strongest: readonly InterestArea[], market: LabourMarket | undefined): OccupationMatch[] {
  const growing = new Set(market?.growing.flatMap((t) => (t.occupationId ? [t.occupationId] : [])) ?? []);
  const weight = (o: Occupation): number =>
    o.interests.reduce((n, area, i) => {
      const rank = strongest.indexOf(area);
      // The visitor's first area counts most, and so does an occupation's first interest.
      return rank < 0 ? n : n + (strongest.length - rank) * (3 - i);
    }, 0);
  return catalogue
    .map((o, index) => ({ o, index, w: weight(o) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || Number(growing.has(b.o.id)) - Number(growing.has(a.o.id)) || a.index - b.index)
    .slice(0, maxOccupations)
    .map(({ o }) => ({ id: o.id, growing: growing.has(o.id) }));
}

/** The take-home code's prefix and version: a later format gets a new one. */
const prefix = 'LBW-SCAN1';
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What the take-home QR holds: the area letters and occupation ids, nothing else. No answers, no
 * time, no device, no language: the code on paper cannot point at a person or a visit.
 * Example: "LBW-SCAN1/SC/verpleegkundige.leraar".
 */
export function encodeTakeHome(areas: readonly InterestArea[], occupationIds: readonly string[]): string {
  return `${prefix}/${areas.join('')}/${occupationIds.join('.')}`;
}

/** Reads a take-home code back; null for anything that is not exactly that format. */
export function decodeTakeHome(text: string): { areas: InterestArea[]; occupations: string[] } | null {
  const parts = text.split('/');
  if (parts.length !== 3 || parts[0] !== prefix) return null;
  const areas = [...(parts[1] ?? '')];
  if (areas.length > 3 || !areas.every((a) => InterestArea.safeParse(a).success)) return null;
  const occupations = parts[2] ? parts[2].split('.') : [];
  if (occupations.length > maxOccupations || !occupations.every((o) => slugPattern.test(o) && o.length <= 60)) return null;
  return { areas: areas as InterestArea[], occupations };
}
