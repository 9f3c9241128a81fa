import { z } from 'zod';
import { FeedbackRating, FeedbackService } from '../contract/feedback-channels';
import { Slug } from '../validation/slug';

const Count = z.number().int().min(1).max(1_000_000);

/** A kiosk's counts of one day as the hub keeps them (its row holds the day and version). */
export const StoredDayCounts = z.strictObject({
  invitationsByCampaign: z.array(z.strictObject({ key: Slug, count: Count })).max(200),
  feedback: z.array(z.strictObject({ service: FeedbackService, rating: FeedbackRating, count: Count })).max(FeedbackService.options.length * FeedbackRating.options.length),
});
export type StoredDayCounts = z.infer<typeof StoredDayCounts>;

/**
 * What a kiosk counted on one service day and nobody else saw: visits per invitation campaign and
 * answers to "Hoe was je bezoek?" per service and rating. Cumulative: the day's totals so far, so
 * the hub keeps the newest and a resend changes nothing. Counts only, never a code or a visit.
 */
export const KioskDayCounts = z
  .strictObject({
    day: z.iso.date(),
    /**
     * The sum of every count below. Counts only grow, so the bigger sum is the newer report of the
     * day, and two reports with the same sum hold the same counts.
     */
    version: Count,
    ...StoredDayCounts.shape,
  })
  .superRefine((day, ctx) => {
    const campaigns = day.invitationsByCampaign.map((c) => c.key);
    if (new Set(campaigns).size !== campaigns.length) ctx.addIssue({ code: 'custom', path: ['invitationsByCampaign'], message: 'a campaign is listed twice' });
    const answers = day.feedback.map((f) => `${f.service}-${f.rating}`);
    if (new Set(answers).size !== answers.length) ctx.addIssue({ code: 'custom', path: ['feedback'], message: 'a service and rating are listed twice' });
    const sum = [...day.invitationsByCampaign, ...day.feedback].reduce((n, c) => n + c.count, 0);
    if (sum !== day.version) ctx.addIssue({ code: 'custom', path: ['version'], message: `the version must be the sum of the day's counts (${sum})` });
  });
export type KioskDayCounts = z.infer<typeof KioskDayCounts>;

/** How many days one report may carry: the statistics module's look-back, twice over. */
export const maxReportedDays = 62;

/**
 * POST /hub/v1/counts: a kiosk's own counts for the location's daily statistics. The days are read
 * one by one at the hub, so one damaged day is refused with its reason and the others are stored.
 */
export const KioskCountsReport = z.strictObject({
  /**
   * Every service day up to and including this one is over on the kiosk, and everything it counted
   * on them has reached the hub (with this report): the hub need not wait for this kiosk before it
   * sends those days to the central API. Null before the kiosk can say so of any day.
   */
  closedThrough: z.iso.date().nullable(),
  days: z.array(z.unknown()).max(maxReportedDays),
});
export type KioskCountsReport = Omit<z.infer<typeof KioskCountsReport>, 'days'> & { days: KioskDayCounts[] };

export const KioskCountsAck = z.strictObject({
  /** The version the hub holds for each day it read (a newer one it already had wins). */
  stored: z.array(z.strictObject({ day: z.iso.date(), version: z.number().int().min(1) })),
  refused: z.array(z.strictObject({ index: z.number().int().min(0), reason: z.string().max(300) })),
});
export type KioskCountsAck = z.infer<typeof KioskCountsAck>;
