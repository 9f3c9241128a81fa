import type { Database } from 'better-sqlite3';
import type { NowServing, QueueTicket } from '../../../shared/contract/desk-channels';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import { serviceDay } from '../requests/service-day';
import { ticketRepo, type TicketRow } from './ticket-repo';
import { minutesPerTicket } from './wait-estimate';

const toTicket = (row: TicketRow): QueueTicket => ({
  id: row.id,
  number: row.number,
  topic: row.topic,
  state: row.state,
  createdAt: row.created_at,
  calledAt: row.called_at,
});

/**
 * The walk-in queue at the desk: today's tickets, oldest first, whichever kiosk printed them.
 * Calling and closing are audited with the ticket number and topic only: a ticket is anonymous.
 */
export function createQueue(db: Database, now: () => Date) {
  const tickets = ticketRepo(db);

  const callNext = db.transaction((at: Date, staffId: string): QueueTicket | null => {
    const row = tickets.oldestWaiting(serviceDay(at));
    if (!row) return null;
    tickets.markCalled(row.id, at);
    appendAudit(db, at, { action: 'ticket.called', aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: 'called', called_at: at.toISOString() });
  });

  const close = db.transaction((id: string, outcome: 'served' | 'no-show', at: Date, staffId: string): QueueTicket => {
    const row = tickets.byId(id);
    if (!row) throw new CoreError('not_found', 'There is no such ticket.');
    if (row.state !== 'called') throw new CoreError('conflict', `Ticket ${row.number} is ${row.state}, not called.`);
    tickets.markClosed(id, outcome, at);
    appendAudit(db, at, { action: `ticket.${outcome}`, aggregateType: 'ticket', aggregateId: id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: outcome });
  });

  return {
    list: (): QueueTicket[] => tickets.openOfDay(serviceDay(now())).map(toTicket),
    pace: (): QueuePace => {
      const at = now();
      const day = serviceDay(at);
      return { waiting: tickets.waitingCount(day), minutesPerTicket: minutesPerTicket(tickets.recentCalls(day).map((r) => new Date(r.calledAt)), at) };
    },
    nowServing: (): NowServing => {
      const day = serviceDay(now());
      return { called: tickets.recentCalls(day).slice(0, 4), waiting: tickets.waitingCount(day) };
    },
    callNext: (staffId: string) => callNext.immediate(now(), staffId),
    close: (id: string, outcome: 'served' | 'no-show', staffId: string) => close.immediate(id, outcome, now(), staffId),
  };
}

export type Queue = ReturnType<typeof createQueue>;
