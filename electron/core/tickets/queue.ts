import type { Database } from 'better-sqlite3';
import type { NowServing, QueueTicket } from '../../../shared/contract/desk-channels';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import { serviceDay } from '../requests/service-day';
import { ticketRepo, type TicketRow } from './ticket-repo';
import { minutesPerTicket } from './wait-estimate';

const toTicket = (row: TicketRow, staffId: string | null): QueueTicket => ({
  id: row.id,
  number: row.number,
  topic: row.topic,
  state: row.state,
  createdAt: row.created_at,
  calledAt: row.called_at,
  mine: staffId !== null && row.state === 'called' && row.called_by === staffId,
});

/** What the caller says about the visitor they called before: given with the next call. */
export interface CurrentOutcome {
  id: string;
  outcome: 'served' | 'no-show';
}

/**
 * The walk-in queue at the desk: today's tickets, oldest first, whichever kiosk printed them.
 * Calling and closing are audited with the ticket number and topic only: a ticket is anonymous.
 *
 * No visitor is left without an outcome: a staff member who still has a called ticket cannot call
 * the next one without saying how the current one ended (served or no-show); the core refuses the
 * call otherwise, whatever the screen did. Calls run one at a time in an immediate transaction, and
 * a ticket is called only while it is still waiting, so two desks calling at once get two tickets.
 */
export function createQueue(db: Database, now: () => Date) {
  const tickets = ticketRepo(db);

  const closeRow = (row: TicketRow, outcome: CurrentOutcome['outcome'], at: Date, staffId: string): void => {
    tickets.markClosed(row.id, outcome, at);
    appendAudit(db, at, { action: `ticket.${outcome}`, aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
  };

  /** The one place that picks who is called next: today's oldest waiting ticket. */
  const pickNext = (day: string): TicketRow | undefined => tickets.oldestWaiting(day);

  const callNext = db.transaction((at: Date, staffId: string, current: CurrentOutcome | undefined): QueueTicket | null => {
    const day = serviceDay(at);
    const open = tickets.calledBy(staffId, day);
    if (open && open.id !== current?.id) {
      throw new CoreError('conflict', `Ticket ${open.number} is still called by you: give its outcome (served or no-show) with the next call.`, [
        { path: 'current', message: `expected the outcome of ticket ${open.number}` },
      ]);
    }
    if (!open && current) throw new CoreError('conflict', 'That ticket is not the one you called: reload the queue.', [{ path: 'current.id', message: 'not your called ticket' }]);
    if (open && current) closeRow(open, current.outcome, at, staffId);
    const row = pickNext(day);
    if (!row) return null;
    if (!tickets.markCalled(row.id, at, staffId)) throw new CoreError('conflict', `Ticket ${row.number} was called at another desk just now.`);
    appendAudit(db, at, { action: 'ticket.called', aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: 'called', called_at: at.toISOString(), called_by: staffId }, staffId);
  });

  const close = db.transaction((id: string, outcome: CurrentOutcome['outcome'], at: Date, staffId: string): QueueTicket => {
    const row = tickets.byId(id);
    if (!row) throw new CoreError('not_found', 'There is no such ticket.');
    if (row.state !== 'called') throw new CoreError('conflict', `Ticket ${row.number} is ${row.state}, not called.`);
    closeRow(row, outcome, at, staffId);
    return toTicket({ ...row, state: outcome }, staffId);
  });

  return {
    /** `staffId` marks the caller's own called ticket (`mine`). */
    list: (staffId: string | null = null): QueueTicket[] => tickets.openOfDay(serviceDay(now())).map((row) => toTicket(row, staffId)),
    pace: (): QueuePace => {
      const at = now();
      const day = serviceDay(at);
      return { waiting: tickets.waitingCount(day), minutesPerTicket: minutesPerTicket(tickets.recentCalls(day).map((r) => new Date(r.calledAt)), at) };
    },
    nowServing: (): NowServing => {
      const day = serviceDay(now());
      return { called: tickets.recentCalls(day).slice(0, 4), waiting: tickets.waitingCount(day) };
    },
    callNext: (staffId: string, current?: CurrentOutcome) => callNext.immediate(now(), staffId, current),
    close: (id: string, outcome: CurrentOutcome['outcome'], staffId: string) => close.immediate(id, outcome, now(), staffId),
  };
}

export type Queue = ReturnType<typeof createQueue>;
