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
 * Another kind of visitor the desk calls from the same queue (checked-in appointments): the
 * source says who of its own is next and how that ranks against the oldest walk-in ticket.
 */
export interface QueueSource {
  next(at: Date): { rank: 'due' | 'walk-in' | 'early'; queuedAt: string; call(staffId: string, at: Date): QueueTicket } | null;
  open(at: Date): QueueTicket[];
  close(id: string, outcome: 'served' | 'no-show', at: Date, staffId: string): QueueTicket | null;
}

/**
 * The walk-in queue at the desk: today's tickets, oldest first, whichever kiosk printed them.
 * Calling and closing are audited with the ticket number and topic only: a ticket is anonymous.
 */
export function createQueue(db: Database, now: () => Date) {
  const tickets = ticketRepo(db);
  const sources: QueueSource[] = [];

  const callNext = db.transaction((at: Date, staffId: string): QueueTicket | null => {
    const row = tickets.oldestWaiting(serviceDay(at));
    // A due appointment goes first; a late one takes its turn by arrival; an early one only when nobody else waits.
    const other = sources.map((s) => s.next(at)).find((c) => c !== null);
    if (other && (other.rank === 'due' || !row || (other.rank === 'walk-in' && other.queuedAt < row.created_at))) return other.call(staffId, at);
    if (!row) return null;
    tickets.markCalled(row.id, at);
    appendAudit(db, at, { action: 'ticket.called', aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: 'called', called_at: at.toISOString() });
  });

  const close = db.transaction((id: string, outcome: 'served' | 'no-show', at: Date, staffId: string): QueueTicket => {
    const row = tickets.byId(id);
    if (!row) {
      const closed = sources.map((s) => s.close(id, outcome, at, staffId)).find((c) => c !== null);
      if (closed) return closed;
      throw new CoreError('not_found', 'There is no such ticket.');
    }
    if (row.state !== 'called') throw new CoreError('conflict', `Ticket ${row.number} is ${row.state}, not called.`);
    tickets.markClosed(id, outcome, at);
    appendAudit(db, at, { action: `ticket.${outcome}`, aggregateType: 'ticket', aggregateId: id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: outcome });
  });

  return {
    list: (): QueueTicket[] => {
      const at = now();
      return [...tickets.openOfDay(serviceDay(at)).map(toTicket), ...sources.flatMap((s) => s.open(at))].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    /** A later module adds its visitors to the desk's calls (appointments/appointments-module.ts). */
    addSource: (source: QueueSource): void => void sources.push(source),
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
