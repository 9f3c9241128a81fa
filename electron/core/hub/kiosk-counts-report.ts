import type { Database } from 'better-sqlite3';
import { FeedbackRating, FeedbackService } from '../../../shared/contract/feedback-channels';
import type { KioskCountsReport, KioskDayCounts } from '../../../shared/hub/kiosk-counts';
import { feedbackCounts } from '../feedback/feedback-counts';
import { invitationVisits } from '../invitations/invitation-visits';
import type { Logger } from '../log/logger';
import { serviceDay } from '../requests/service-day';
import type { HubClient } from './hub-client';

/** As far back as the hub's statistics still report a day. */
const lookBackDays = 31;

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** One day of this kiosk's own counts, cumulative, with the sum that orders its reports. */
export function readKioskDay(db: Database, day: string): KioskDayCounts {
  const invitationsByCampaign = invitationVisits(db)
    .ofDay(day)
    .map((v) => ({ key: v.campaign, count: v.visits }));
  const feedback = feedbackCounts(db)
    .between(day, day)
    .flatMap((f) => {
      const service = FeedbackService.safeParse(f.service);
      const rating = FeedbackRating.safeParse(f.rating);
      return service.success && rating.success ? [{ service: service.data, rating: rating.data, count: f.answers }] : [];
    });
  const version = [...invitationsByCampaign, ...feedback].reduce((n, c) => n + c.count, 0);
  return { day, version, invitationsByCampaign, feedback };
}

/**
 * Carries what only this kiosk counted (invitation visits, feedback) to its hub, which adds it to
 * the location's daily statistics. Each report holds the days whose totals the hub has not
 * confirmed yet, whole: the hub keeps the highest version per kiosk and day, so a resend, a hub
 * restart or a report that never got its answer changes nothing. What the hub confirmed is kept in
 * memory; after a restart the kiosk sends its recent days once more, which is harmless.
 */
export function createKioskCountsReporter(deps: {
  db: Database;
  client: Pick<HubClient, 'reportCounts'>;
  /** When the oldest message still waiting for the hub was written: a day it belongs to is not closed yet. */
  oldestPendingAt: () => string | null;
  now: () => Date;
  logger: Logger;
}): () => Promise<void> {
  const log = deps.logger.child({ area: 'hub-counts' });
  const confirmed = new Map<string, number>();
  let closedSent: string | null = null;
  let failing = false;
  return async () => {
    const now = deps.now();
    const today = serviceDay(now);
    const from = serviceDay(new Date(now.getTime() - lookBackDays * 86_400_000));
    const db = deps.db;
    const counted = new Set([...invitationVisits(db).daysBetween(from, today), ...feedbackCounts(db).daysBetween(from, today), today]);
    const days = [...counted]
      .sort()
      .map((day) => readKioskDay(db, day))
      .filter((d) => d.version > 0 && confirmed.get(d.day) !== d.version);
    const pending = deps.oldestPendingAt();
    const yesterday = dayBefore(today);
    const waiting = pending === null ? null : dayBefore(serviceDay(new Date(pending)));
    const closedThrough = waiting !== null && waiting < yesterday ? waiting : yesterday;
    if (days.length === 0 && closedThrough === closedSent) return;
    const report: KioskCountsReport = { closedThrough, days };
    const outcome = await deps.client.reportCounts(report);
    if (!outcome.sent) {
      if (!failing) log.warn('the hub did not take the kiosk\'s counts; the next heartbeat sends them again', { reason: outcome.reason.slice(0, 200) });
      failing = true;
      return;
    }
    failing = false;
    closedSent = closedThrough;
    const sent = new Map(days.map((d) => [d.day, d.version]));
    for (const stored of outcome.ack.stored) {
      const version = sent.get(stored.day);
      if (version !== undefined && stored.version >= version) confirmed.set(stored.day, version);
    }
    // A refused day is not sent again until it changes: the same counts would be refused again.
    for (const refused of outcome.ack.refused) {
      const day = days[refused.index];
      if (day) confirmed.set(day.day, day.version);
      log.error('the hub refused a day of the kiosk\'s counts', { day: day?.day ?? null, reason: refused.reason });
    }
  };
}
