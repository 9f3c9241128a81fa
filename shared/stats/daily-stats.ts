import { z } from 'zod';

const Count = z.object({ key: z.string(), count: z.number().int().min(0) });

/** One service day in counts only: no reference, no name, nothing that points at a person. */
export const DailyStats = z.object({
  day: z.iso.date(),
  tickets: z.number().int().min(0),
  ticketsByTopic: z.array(Count),
  ticketOutcomes: z.array(Count),
  requests: z.number().int().min(0),
  requestsByTrajectory: z.array(Count),
  requestsByLanguage: z.array(Count),
  /** "kiosk" or "desk": how many visitors start on their own and how many need staff to start. */
  requestsByOrigin: z.array(Count),
  eligibilityOutcomes: z.array(Count),
  requestOutcomes: z.array(Count),
  /** Appointments made on this day, per topic (wherever they were booked: a kiosk, an outpost, the desk). */
  appointmentsBooked: z.array(Count),
  /** Appointments of this day the visitor came to (checked in, called or served), per topic. */
  appointmentsKept: z.array(Count),
  /** Appointments of this day marked as a no-show, per topic. */
  appointmentsNoShow: z.array(Count),
  /** Group session seats taken on this day, per session. */
  sessionSignUps: z.array(Count),
  /** Hours 0-23, Dutch time. */
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), tickets: z.number().int().min(0), requests: z.number().int().min(0) })),
});
export type DailyStats = z.infer<typeof DailyStats>;

const csvCell = (value: string | number): string => {
  const text = String(value);
  // Quote when needed, and defuse a leading = + - @ so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The day as CSV, one row per figure: section, key, count. */
export function dailyStatsCsv(stats: DailyStats): string {
  const rows: Array<[string, string, number]> = [
    ['total', 'tickets', stats.tickets],
    ['total', 'requests', stats.requests],
    ...stats.ticketsByTopic.map((c): [string, string, number] => ['tickets-by-topic', c.key, c.count]),
    ...stats.ticketOutcomes.map((c): [string, string, number] => ['ticket-outcome', c.key, c.count]),
    ...stats.requestsByTrajectory.map((c): [string, string, number] => ['requests-by-trajectory', c.key, c.count]),
    ...stats.requestsByLanguage.map((c): [string, string, number] => ['requests-by-language', c.key, c.count]),
    ...stats.requestsByOrigin.map((c): [string, string, number] => ['requests-by-origin', c.key, c.count]),
    ...stats.eligibilityOutcomes.map((c): [string, string, number] => ['eligibility-outcome', c.key, c.count]),
    ...stats.requestOutcomes.map((c): [string, string, number] => ['request-outcome', c.key, c.count]),
    ...stats.appointmentsBooked.map((c): [string, string, number] => ['appointments-booked', c.key, c.count]),
    ...stats.appointmentsKept.map((c): [string, string, number] => ['appointments-kept', c.key, c.count]),
    ...stats.appointmentsNoShow.map((c): [string, string, number] => ['appointments-no-show', c.key, c.count]),
    ...stats.sessionSignUps.map((c): [string, string, number] => ['session-sign-ups', c.key, c.count]),
    ...stats.byHour.flatMap((h): Array<[string, string, number]> => [
      ['tickets-by-hour', String(h.hour).padStart(2, '0'), h.tickets],
      ['requests-by-hour', String(h.hour).padStart(2, '0'), h.requests],
    ]),
  ];
  return ['day,section,key,count', ...rows.map(([section, key, count]) => [stats.day, section, key, count].map(csvCell).join(','))].join('\n') + '\n';
}
