import { z } from 'zod';
import type { DailyStats } from './daily-stats';
import { PublishedCount, publishCount, suppressGroup, type Cell } from './suppression';

const Cells = z.array(z.object({ key: z.string(), count: PublishedCount }));

/**
 * A service day as the desk shows it and the central API receives it: the counts of `DailyStats`
 * after small-cell suppression (`suppression.ts`, described in docs/statistics.md). Hours are two
 * groups keyed "00"-"23", so a quiet hour merges like any other small cell.
 */
export const PublishedDailyStats = z.object({
  day: z.iso.date(),
  tickets: PublishedCount,
  ticketsByTopic: Cells,
  ticketOutcomes: Cells,
  ticketsByHour: Cells,
  requests: PublishedCount,
  requestsByTrajectory: Cells,
  requestsByLanguage: Cells,
  requestsByOrigin: Cells,
  eligibilityOutcomes: Cells,
  requestOutcomes: Cells,
  requestsByHour: Cells,
  invitations: PublishedCount,
  invitationsByCampaign: Cells,
  /** Keys "<service>-<rating>", or "<service>-merged"; each service suppressed against its own answers. */
  feedbackByService: Cells,
  feedbackWeekByService: Cells,
  appointmentsBooked: Cells,
  appointmentsKept: Cells,
  appointmentsNoShow: Cells,
  sessionSignUps: Cells,
});
export type PublishedDailyStats = z.infer<typeof PublishedDailyStats>;

const hourKey = (hour: number): string => String(hour).padStart(2, '0');

/** Ratings grouped per service: each service's ratings add up to its own answers, and are suppressed against them. */
function publishFeedback(counts: DailyStats['feedback']): PublishedDailyStats['feedbackByService'] {
  const services = [...new Set(counts.map((c) => c.service))].sort();
  return services.flatMap((service) => {
    const own = counts.filter((c) => c.service === service);
    const total = own.reduce((n, c) => n + c.count, 0);
    return suppressGroup(total, own.map((c) => ({ key: c.rating, count: c.count }))).map((c) => ({ key: `${service}-${c.key}`, count: c.count }));
  });
}

/** A group whose total is not published elsewhere: suppressed against its own sum. */
const ofOwnSum = (cells: readonly Cell[]) => suppressGroup(cells.reduce((n, c) => n + c.count, 0), cells);

/** The one way raw counts leave the statistics module: every group suppressed against its own total. */
export function publishDailyStats(stats: DailyStats): PublishedDailyStats {
  const ofTickets = (cells: readonly Cell[]) => suppressGroup(stats.tickets, cells);
  const ofRequests = (cells: readonly Cell[]) => suppressGroup(stats.requests, cells);
  const invitations = stats.invitationsByCampaign.reduce((n, c) => n + c.count, 0);
  return {
    day: stats.day,
    tickets: publishCount(stats.tickets),
    ticketsByTopic: ofTickets(stats.ticketsByTopic),
    ticketOutcomes: ofTickets(stats.ticketOutcomes),
    ticketsByHour: ofTickets(stats.byHour.map((h) => ({ key: hourKey(h.hour), count: h.tickets }))),
    requests: publishCount(stats.requests),
    requestsByTrajectory: ofRequests(stats.requestsByTrajectory),
    requestsByLanguage: ofRequests(stats.requestsByLanguage),
    requestsByOrigin: ofRequests(stats.requestsByOrigin),
    eligibilityOutcomes: ofRequests(stats.eligibilityOutcomes),
    requestOutcomes: ofRequests(stats.requestOutcomes),
    requestsByHour: ofRequests(stats.byHour.map((h) => ({ key: hourKey(h.hour), count: h.requests }))),
    invitations: publishCount(invitations),
    invitationsByCampaign: suppressGroup(invitations, stats.invitationsByCampaign),
    feedbackByService: publishFeedback(stats.feedback),
    feedbackWeekByService: publishFeedback(stats.feedbackWeek),
    appointmentsBooked: ofOwnSum(stats.appointmentsBooked),
    appointmentsKept: ofOwnSum(stats.appointmentsKept),
    appointmentsNoShow: ofOwnSum(stats.appointmentsNoShow),
    sessionSignUps: ofOwnSum(stats.sessionSignUps),
  };
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  // Quote when needed, and defuse a leading = + - @ so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The day's groups by the section name the CSV and the central API both use. */
export function publishedSections(stats: PublishedDailyStats): Array<[section: string, cells: PublishedDailyStats['ticketsByTopic']]> {
  return [
    ['tickets-by-topic', stats.ticketsByTopic],
    ['ticket-outcome', stats.ticketOutcomes],
    ['tickets-by-hour', stats.ticketsByHour],
    ['requests-by-trajectory', stats.requestsByTrajectory],
    ['requests-by-language', stats.requestsByLanguage],
    ['requests-by-origin', stats.requestsByOrigin],
    ['eligibility-outcome', stats.eligibilityOutcomes],
    ['request-outcome', stats.requestOutcomes],
    ['requests-by-hour', stats.requestsByHour],
    ['invitations-by-campaign', stats.invitationsByCampaign],
    ['feedback-by-service', stats.feedbackByService],
    ['appointments-booked', stats.appointmentsBooked],
    ['appointments-kept', stats.appointmentsKept],
    ['appointments-no-show', stats.appointmentsNoShow],
    ['session-sign-ups', stats.sessionSignUps],
  ];
}

/** The day as CSV, one row per figure: section, key, count (suppressed counts as "<5"). */
export function dailyStatsCsv(stats: PublishedDailyStats): string {
  const rows: Array<[string, string, PublishedCount]> = [
    ['total', 'tickets', stats.tickets],
    ['total', 'requests', stats.requests],
    ['total', 'invitations', stats.invitations],
    ...publishedSections(stats).flatMap(([name, cells]) => cells.map((c): [string, string, PublishedCount] => [name, c.key, c.count])),
  ];
  return ['day,section,key,count', ...rows.map(([name, key, count]) => [stats.day, name, key, count].map(csvCell).join(','))].join('\n') + '\n';
}
