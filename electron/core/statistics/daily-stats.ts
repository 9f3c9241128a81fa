import type { Database } from 'better-sqlite3';
import type { DailyStats } from '../../../shared/stats/daily-stats';
import { agendaRepo } from '../appointments/agenda-repo';
import { requestRepo } from '../requests/request-repo';
import { serviceDay, serviceDayBounds } from '../requests/service-day';
import { feedbackCounts } from '../feedback/feedback-counts';
import { hubCounts } from '../hub/hub-counts';
import { invitationVisits } from '../invitations/invitation-visits';
import { ticketRepo } from '../tickets/ticket-repo';

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });
const hourOf = (iso: string): number => Number(hourFormat.format(new Date(iso)));

function countBy<T>(items: readonly T[], key: (item: T) => string): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The calendar day six days before: with the day itself, a week. */
const weekBefore = (day: string): string => new Date(Date.parse(`${day}T12:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);

/** Counts for one service day, read from columns that hold no personal data (never contact or BSN). */
export function readDailyStats(db: Database, day: string): DailyStats {
  const tickets = ticketRepo(db).ofDay(day);
  // created_at is UTC; a Dutch service day spans two UTC dates, so read a margin and keep the day's own.
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000);
  const to = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000);
  const requests = requestRepo(db)
    .createdBetween(from, to)
    .filter((r) => serviceDay(new Date(r.created_at)) === day);
  return {
    day,
    tickets: tickets.length,
    ticketsByTopic: countBy(tickets, (x) => x.topic),
    // The rule for a ticket still called (docs/counter-and-hub.md): the desk asks its outcome before
    // the next call, so it is the visitor at a desk now or the last one before that desk closed, and
    // that visitor was there when called; it counts as served, never as "called without outcome".
    ticketOutcomes: countBy(tickets, (x) => (x.state === 'called' ? 'served' : x.state)),
    requests: requests.length,
    requestsByTrajectory: countBy(requests, (r) => r.trajectory),
    requestsByLanguage: countBy(requests, (r) => r.language),
    requestsByOrigin: countBy(requests, (r) => r.origin),
    eligibilityOutcomes: countBy(requests, (r) => (JSON.parse(r.eligibility) as { outcome: string }).outcome),
    requestOutcomes: countBy(requests, (r) => (r.cancelled_at ? 'cancelled' : r.completed_at ? 'completed' : 'started')),
    ...appointmentCounts(db, day),
    ...ownAndKioskCounts(db, day),
    byHour: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      tickets: tickets.filter((x) => hourOf(x.created_at) === hour).length,
      requests: requests.filter((r) => hourOf(r.created_at) === hour).length,
    })),
  };
}

function added(cells: ReadonlyArray<{ key: string; count: number }>): Array<{ key: string; count: number }> {
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(c.key, (sums.get(c.key) ?? 0) + c.count);
  return [...sums].map(([key, count]) => ({ key, count }));
}

/**
 * What only a device itself counts (invitation visits, feedback): the hub's own counts and those its
 * kiosks reported to it (hub/hub-counts.ts), added up; a kiosk's own table holds only its own.
 */
function ownAndKioskCounts(db: Database, day: string): Pick<DailyStats, 'invitationsByCampaign' | 'feedback' | 'feedbackWeek'> {
  const kiosks = hubCounts(db);
  const feedbackOf = (from: string): DailyStats['feedback'] => {
    const cells = [
      ...feedbackCounts(db).between(from, day).map((f) => ({ key: `${f.service} ${f.rating}`, count: f.answers })),
      ...kiosks.between(from, day).feedback.map((f) => ({ key: `${f.service} ${f.rating}`, count: f.count })),
    ];
    return added(cells)
      .map(({ key, count }) => {
        const [service = '', rating = ''] = key.split(' ');
        return { service, rating, count };
      })
      .sort((a, b) => a.service.localeCompare(b.service) || a.rating.localeCompare(b.rating));
  };
  return {
    invitationsByCampaign: added([...invitationVisits(db).ofDay(day).map((v) => ({ key: v.campaign, count: v.visits })), ...kiosks.between(day, day).invitationsByCampaign]).sort((a, b) => a.key.localeCompare(b.key)),
    feedback: feedbackOf(day),
    feedbackWeek: feedbackOf(weekBefore(day)),
  };
}

/** The agenda's counts of a day: topics and session ids with numbers, nothing about who. */
function appointmentCounts(db: Database, day: string): Pick<DailyStats, 'appointmentsBooked' | 'appointmentsKept' | 'appointmentsNoShow' | 'sessionSignUps'> {
  const agenda = agendaRepo(db);
  const { from, to } = serviceDayBounds(day);
  const ofDay = agenda.statsOfDay(day);
  return {
    appointmentsBooked: countBy(agenda.bookedBetween(from, to), (a) => a.topic),
    appointmentsKept: countBy(ofDay.filter((a) => a.state === 'checked-in' || a.state === 'called' || a.state === 'served'), (a) => a.topic),
    appointmentsNoShow: countBy(ofDay.filter((a) => a.state === 'no-show'), (a) => a.topic),
    sessionSignUps: countBy(agenda.signUpsBetween(from, to), (s) => s.session_id),
  };
}
