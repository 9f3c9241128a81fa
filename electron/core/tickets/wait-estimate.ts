import type { QueuePace } from '../../../shared/hub/kiosk-status';

const recentCalls = 9;
/** A longer gap is a break or a quiet spell, not the pace of the desk. */
const longestGapMinutes = 45;
const fewestGaps = 3;
/** Beyond this an estimate is more likely to mislead than help: the kiosk then says nothing. */
const longestEstimateMinutes = 120;

/**
 * The median gap between the desk's recent calls, in minutes. Null with fewer than three usable
 * gaps, or when the last call is so long ago that the desk is evidently not calling now.
 */
export function minutesPerTicket(calledAt: readonly Date[], now: Date): number | null {
  const times = calledAt.map((d) => d.getTime()).sort((a, b) => a - b).slice(-recentCalls);
  const last = times.at(-1);
  if (last === undefined || now.getTime() - last > longestGapMinutes * 60_000) return null;
  const gaps = times
    .slice(1)
    .map((t, i) => (t - (times[i] ?? t)) / 60_000)
    .filter((gap) => gap > 0 && gap <= longestGapMinutes)
    .sort((a, b) => a - b);
  if (gaps.length < fewestGaps) return null;
  const middle = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? (gaps[middle] ?? null) : ((gaps[middle - 1] ?? 0) + (gaps[middle] ?? 0)) / 2;
}

/**
 * Minutes until a new ticket is called: everyone ahead, plus on average half a conversation for
 * the visitor being helped now, rounded up to five minutes so it never sounds more exact than it is.
 */
export function expectedWaitMinutes(pace: QueuePace | null): number | null {
  if (!pace || pace.minutesPerTicket === null) return null;
  const minutes = (pace.waiting + 0.5) * pace.minutesPerTicket;
  if (minutes > longestEstimateMinutes) return null;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}

/**
 * The desk a demo kiosk pretends to have (it has no hub): two visitors waiting and one called every
 * six minutes, with the tickets of the last quarter of an hour still ahead. A demo then shows and
 * prints a waiting time that grows as tickets are taken, as a real one would.
 */
export function demoDeskPace(at: Date): { pace: QueuePace; at: Date } {
  return { pace: { waiting: 2, minutesPerTicket: 6 }, at: new Date(at.getTime() - 15 * 60_000) };
}
