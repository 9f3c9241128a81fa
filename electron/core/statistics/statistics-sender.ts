import type { Database } from 'better-sqlite3';
import { UsageStatistics } from '../../../shared/central-api/devices';
import { publishDailyStats, publishedSections, type PublishedDailyStats } from '../../../shared/stats/published-stats';
import { mergedKey } from '../../../shared/stats/suppression';
import type { Outbox } from '../outbox/outbox';
import { requestRepo } from '../requests/request-repo';
import { serviceDay, serviceDayBounds } from '../requests/service-day';
import { feedbackCounts } from '../feedback/feedback-counts';
import { hubCounts } from '../hub/hub-counts';
import { invitationVisits } from '../invitations/invitation-visits';
import { ticketRepo } from '../tickets/ticket-repo';
import { agendaRepo } from '../appointments/agenda-repo';
import { readDailyStats } from './daily-stats';

/** How far back a device that was off for a while still reports its days. */
const lookBackDays = 31;

/**
 * The day's counts as the central API's anonymous statistics: metric and dimension are slugs from
 * fixed lists (topics, trajectories, outcomes, languages, hours), so nothing typed by a person and
 * nothing that points at one can get in; every count is small-cell suppressed first.
 */
export function toUsageStatistics(stats: PublishedDailyStats, locationId: string): UsageStatistics {
  const { from, to } = serviceDayBounds(stats.day);
  // The central API's dimensions are slugs that start with a letter, so an hour is "h09".
  const dimension = (section: string, key: string) => (section.endsWith('-by-hour') && key !== mergedKey ? `h${key}` : key);
  return UsageStatistics.parse({
    locationId,
    from: from.toISOString(),
    to: to.toISOString(),
    counts: [
      { metric: 'tickets', value: stats.tickets },
      { metric: 'requests', value: stats.requests },
      { metric: 'invitations', value: stats.invitations },
      ...publishedSections(stats).flatMap(([metric, cells]) => cells.map((c) => ({ metric, dimension: dimension(metric, c.key), value: c.count }))),
    ],
  });
}

/**
 * Queues the statistics of every finished service day with activity that has not been queued yet:
 * one outbox message per day (its aggregate is the day), so a restart or a second run adds nothing
 * and the message's idempotency key keeps a resend from counting twice at the central API.
 */
export function queueFinishedDays(db: Database, outbox: Outbox, locationId: string, now: Date): string[] {
  const today = serviceDay(now);
  const since = new Date(now.getTime() - lookBackDays * 86_400_000);
  return db.transaction((): string[] => {
    const ticketDays = ticketRepo(db).daysBetween(serviceDay(since), today);
    const requestTimes = requestRepo(db).createdSince(since);
    const agendaDays = agendaRepo(db).daysBetween(serviceDay(since), today);
    const invitationDays = invitationVisits(db).daysBetween(serviceDay(since), today);
    const feedbackDays = feedbackCounts(db).daysBetween(serviceDay(since), today);
    const kiosks = hubCounts(db);
    const kioskDays = kiosks.daysBetween(serviceDay(since), today);
    const days = new Set([...ticketDays, ...agendaDays, ...invitationDays, ...feedbackDays, ...kioskDays, ...requestTimes.map((at) => serviceDay(new Date(at))).filter((d) => d < today)]);
    const added: string[] = [];
    for (const day of [...days].sort()) {
      if (outbox.hasMessageFor('daily-statistics', day)) continue;
      // A day is sent once: not before every kiosk of the hub has said it is over and delivered
      // (a hub that was down, or a kiosk still sending, would otherwise leave its counts out).
      if (kiosks.kiosksStillCounting(day, now).length > 0) continue;
      const body = toUsageStatistics(publishDailyStats(readDailyStats(db, day)), locationId);
      outbox.enqueue({ aggregateType: 'daily-statistics', aggregateId: day, kind: 'statistics.daily', reference: `statistics ${day}`, body }, now);
      added.push(day);
    }
    return added;
  }).immediate();
}
