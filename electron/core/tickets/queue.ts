import type { Database } from 'better-sqlite3';
import type { NowServing, QueueTicket } from '../../../shared/contract/desk-channels';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import { InterestArea } from '../../../shared/self-scan/riasec';
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
  scanAreas: [...row.scan_areas].flatMap((letter) => {
    const area = InterestArea.safeParse(letter);
    return area.success ? [area.data] : [];
  }),
});

/** What the caller says about the visitor they called before: given with the next call. */
export interface CurrentOutcome {
  id: string;
  outcome: 'served' | 'no-show';
}

/**
 * Another kind of visitor the desk calls from the same queue (checked-in appointments): the
 * source says who of its own is next and how that ranks against the oldest walk-in ticket.
 */
export interface QueueSource {
  next(at: Date): { rank: 'due' | 'walk-in' | 'early'; queuedAt: string; call(staffId: string, at: Date): QueueTicket } | null;
  open(at: Date, staffId: string | null): QueueTicket[];
  calledBy(staffId: string, at: Date): QueueTicket | null;
  close(id: string, outcome: 'served' | 'no-show', at: Date, staffId: string): QueueTicket | null;
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
  const sources: QueueSource[] = [];

  const closeRow = (row: TicketRow, outcome: CurrentOutcome['outcome'], at: Date, staffId: string): void => {
    tickets.markClosed(row.id, outcome, at);
    appendAudit(db, at, { action: `ticket.${outcome}`, aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
  };

  /**
   * The one place that picks who is called next: today's oldest waiting ticket, unless another
   * source's visitor goes first (a due appointment; a late one by arrival; an early one only when
   * nobody else waits: docs/appointments.md).
   */
  const callPicked = (day: string, at: Date, staffId: string): QueueTicket | null => {
    const row = tickets.oldestWaiting(day);
    const other = sources.map((s) => s.next(at)).find((c) => c !== null);
    if (other && (other.rank === 'due' || !row || (other.rank === 'walk-in' && other.queuedAt < row.created_at))) return other.call(staffId, at);
    if (!row) return null;
    if (!tickets.markCalled(row.id, at, staffId)) throw new CoreError('conflict', `Ticket ${row.number} was called at another desk just now.`);
    appendAudit(db, at, { action: 'ticket.called', aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: 'called', called_at: at.toISOString(), called_by: staffId }, staffId);
  };

  /** The visitor this staff member called and has not closed yet: a ticket or another source's. */
  const openCallOf = (staffId: string, day: string, at: Date): { id: string; number: string; close(outcome: CurrentOutcome['outcome']): void } | null => {
    const row = tickets.calledBy(staffId, day);
    if (row) return { id: row.id, number: row.number, close: (outcome) => closeRow(row, outcome, at, staffId) };
    for (const source of sources) {
      const other = source.calledBy(staffId, at);
      if (other) return { id: other.id, number: other.number, close: (outcome) => void source.close(other.id, outcome, at, staffId) };
    }
    return null;
  };

  const callNext = db.transaction((at: Date, staffId: string, current: CurrentOutcome | undefined): QueueTicket | null => {
    const day = serviceDay(at);
    const open = openCallOf(staffId, day, at);
    if (open && open.id !== current?.id) {
      throw new CoreError('conflict', `Ticket ${open.number} is still called by you: give its outcome (served or no-show) with the next call.`, [
        { path: 'current', message: `expected the outcome of ticket ${open.number}` },
      ]);
    }
    if (!open && current) throw new CoreError('conflict', 'That ticket is not the one you called: reload the queue.', [{ path: 'current.id', message: 'not your called ticket' }]);
    if (open && current) open.close(current.outcome);
    return callPicked(day, at, staffId);
  });

  const close = db.transaction((id: string, outcome: CurrentOutcome['outcome'], at: Date, staffId: string): QueueTicket => {
    const row = tickets.byId(id);
    if (!row) {
      const closed = sources.map((s) => s.close(id, outcome, at, staffId)).find((c) => c !== null);
      if (closed) return closed;
      throw new CoreError('not_found', 'There is no such ticket.');
    }
    if (row.state !== 'called') throw new CoreError('conflict', `Ticket ${row.number} is ${row.state}, not called.`);
    closeRow(row, outcome, at, staffId);
    return toTicket({ ...row, state: outcome }, staffId);
  });

  return {
    /** `staffId` marks the caller's own called visitor (`mine`). */
    list: (staffId: string | null = null): QueueTicket[] => {
      const at = now();
      return [...tickets.openOfDay(serviceDay(at)).map((row) => toTicket(row, staffId)), ...sources.flatMap((s) => s.open(at, staffId))].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
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
    callNext: (staffId: string, current?: CurrentOutcome) => callNext.immediate(now(), staffId, current),
    close: (id: string, outcome: CurrentOutcome['outcome'], staffId: string) => close.immediate(id, outcome, now(), staffId),
  };
}

export type Queue = ReturnType<typeof createQueue>;
