import type { Database } from 'better-sqlite3';
import { UsageStatistics } from '../../../shared/central-api/devices';
import type { DailyStats } from '../../../shared/stats/daily-stats';
import type { Outbox } from '../outbox/outbox';
import { requestRepo } from '../requests/request-repo';
import { serviceDay, serviceDayBounds } from '../requests/service-day';
import { ticketRepo } from '../tickets/ticket-repo';
import { agendaRepo } from '../appointments/agenda-repo';
import { readDailyStats } from './daily-stats';

/** How far back a device that was off for a while still reports its days. */
const lookBackDays = 31;

/**
 * The day's counts as the central API's anonymous statistics: metric and dimension are slugs from
 * fixed lists (topics, trajectories, outcomes, languages, hours), so nothing typed by a person and
 * nothing that points at one can get in.
 */
export function toUsageStatistics(stats: DailyStats, locationId: string): UsageStatistics {
  const { from, to } = serviceDayBounds(stats.day);
  const section = (metric: string, counts: DailyStats['ticketsByTopic']) => counts.map((c) => ({ metric, dimension: c.key, value: c.count }));
  return UsageStatistics.parse({
    locationId,
    from: from.toISOString(),
    to: to.toISOString(),
    counts: [
      { metric: 'tickets', value: stats.tickets },
      { metric: 'requests', value: stats.requests },
      ...section('tickets-by-topic', stats.ticketsByTopic),
      ...section('ticket-outcome', stats.ticketOutcomes),
      ...section('requests-by-trajectory', stats.requestsByTrajectory),
      ...section('requests-by-language', stats.requestsByLanguage),
      ...section('requests-by-origin', stats.requestsByOrigin),
      ...section('eligibility-outcome', stats.eligibilityOutcomes),
      ...section('request-outcome', stats.requestOutcomes),
      ...section('appointments-booked', stats.appointmentsBooked),
      ...section('appointments-kept', stats.appointmentsKept),
      ...section('appointments-no-show', stats.appointmentsNoShow),
      ...section('session-sign-ups', stats.sessionSignUps),
      ...stats.byHour.filter((h) => h.tickets > 0).map((h) => ({ metric: 'tickets-by-hour', dimension: `h${String(h.hour).padStart(2, '0')}`, value: h.tickets })),
      ...stats.byHour.filter((h) => h.requests > 0).map((h) => ({ metric: 'requests-by-hour', dimension: `h${String(h.hour).padStart(2, '0')}`, value: h.requests })),
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
    const days = new Set([...ticketDays, ...agendaDays, ...requestTimes.map((at) => serviceDay(new Date(at))).filter((d) => d < today)]);
    const added: string[] = [];
    for (const day of [...days].sort()) {
      if (outbox.hasMessageFor('daily-statistics', day)) continue;
      const body = toUsageStatistics(readDailyStats(db, day), locationId);
      outbox.enqueue({ aggregateType: 'daily-statistics', aggregateId: day, kind: 'statistics.daily', reference: `statistics ${day}`, body }, now);
      added.push(day);
    }
    return added;
  }).immediate();
}
