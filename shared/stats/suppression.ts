import { z } from 'zod';

/** A count under this is never shown or sent as a number. */
export const smallCellThreshold = 5;

/** What a published count is: 0, an exact number of at least 5, or "<5" for one to four. A 1-4 as a number is refused. */
export const PublishedCount = z.union([z.literal(0), z.number().int().min(5), z.literal('<5')]);
export type PublishedCount = z.infer<typeof PublishedCount>;

/** The key of the cell that holds the merged small cells of a group. */
export const mergedKey = 'merged';

export interface Cell {
  key: string;
  count: number;
}
export interface PublishedCell {
  key: string;
  count: PublishedCount;
}

/** One count on its own (a day's total): 1-4 become "<5"; 0 stays 0, it points at nobody. */
export function publishCount(count: number): PublishedCount {
  return count > 0 && count < smallCellThreshold ? '<5' : count;
}

/**
 * One group of cells that add up to a published total (tickets per topic, requests per hour).
 *
 * Primary suppression: every cell under 5 leaves its own key and joins the merged cell "merged".
 * Complementary suppression: the merged cell is itself the total minus the visible cells, so it
 * must not give a small cell away. It takes the smallest visible cells too until it holds at
 * least two cells and at least 5 visitors; then neither its count nor any one member's count can
 * be recomputed from the total and the visible siblings. When the total is under 5, the whole
 * group is one merged "<5". Zero cells are dropped (they are not sent either way).
 */
export function suppressGroup(total: number, cells: readonly Cell[]): PublishedCell[] {
  const present = cells.filter((c) => c.count > 0);
  if (present.length === 0) return [];
  if (total < smallCellThreshold) return [{ key: mergedKey, count: publishCount(total) }];
  const byCount = [...present].sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  const merged = byCount.filter((c) => c.count < smallCellThreshold);
  const visible = byCount.filter((c) => c.count >= smallCellThreshold);
  const mergedSum = () => merged.reduce((n, c) => n + c.count, 0);
  if (merged.length > 0) {
    while (visible.length > 0 && (merged.length < 2 || mergedSum() < smallCellThreshold)) merged.push(visible.shift() as Cell);
  }
  const out: PublishedCell[] = [...visible].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  if (merged.length > 0) out.push({ key: mergedKey, count: publishCount(mergedSum()) });
  return out;
}
