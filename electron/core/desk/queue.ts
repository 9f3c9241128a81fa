import type { Database } from 'better-sqlite3';
import type { NowServing, QueueTicket } from '../../../shared/contract/desk-channels';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import { serviceDay } from '../requests/service-day';
import { minutesPerTicket } from './wait-estimate';

interface TicketRow {
  id: string;
  number: string;
  topic: string;
  state: QueueTicket['state'];
  created_at: string;
  called_at: string | null;
}

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
  const open = db.prepare<[string], TicketRow>(
    `SELECT id, number, topic, state, created_at, called_at FROM tickets
     WHERE service_day = ? AND state IN ('waiting', 'called') ORDER BY created_at, number`,
  );
  const oldestWaiting = db.prepare<[string], TicketRow>(
    `SELECT id, number, topic, state, created_at, called_at FROM tickets
     WHERE service_day = ? AND state = 'waiting' ORDER BY created_at, number LIMIT 1`,
  );
  // Newest first: the waiting-room screen shows the first four, the desk's pace reads all nine.
  const recentCalls = db.prepare<[string], { number: string; calledAt: string }>(
    `SELECT number, called_at AS calledAt FROM tickets WHERE service_day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, number DESC LIMIT 9`,
  );
  const waitingCount = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM tickets WHERE service_day = ? AND state = 'waiting'`);
  const byId = db.prepare<[string], TicketRow>('SELECT id, number, topic, state, created_at, called_at FROM tickets WHERE id = ?');

  const callNext = db.transaction((at: Date, staffId: string): QueueTicket | null => {
    const row = oldestWaiting.get(serviceDay(at));
    if (!row) return null;
    db.prepare(`UPDATE tickets SET state = 'called', called_at = ? WHERE id = ?`).run(at.toISOString(), row.id);
    appendAudit(db, at, { action: 'ticket.called', aggregateType: 'ticket', aggregateId: row.id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: 'called', called_at: at.toISOString() });
  });

  const close = db.transaction((id: string, outcome: 'served' | 'no-show', at: Date, staffId: string): QueueTicket => {
    const row = byId.get(id);
    if (!row) throw new CoreError('not_found', 'There is no such ticket.');
    if (row.state !== 'called') throw new CoreError('conflict', `Ticket ${row.number} is ${row.state}, not called.`);
    db.prepare('UPDATE tickets SET state = ?, closed_at = ? WHERE id = ?').run(outcome, at.toISOString(), id);
    appendAudit(db, at, { action: `ticket.${outcome}`, aggregateType: 'ticket', aggregateId: id, detail: { number: row.number, topic: row.topic, by: staffId } });
    return toTicket({ ...row, state: outcome });
  });

  return {
    list: (): QueueTicket[] => open.all(serviceDay(now())).map(toTicket),
    pace: (): QueuePace => {
      const at = now();
      const day = serviceDay(at);
      return { waiting: waitingCount.get(day)?.n ?? 0, minutesPerTicket: minutesPerTicket(recentCalls.all(day).map((r) => new Date(r.calledAt)), at) };
    },
    nowServing: (): NowServing => {
      const day = serviceDay(now());
      return { called: recentCalls.all(day).slice(0, 4), waiting: waitingCount.get(day)?.n ?? 0 };
    },
    callNext: (staffId: string) => callNext.immediate(now(), staffId),
    close: (id: string, outcome: 'served' | 'no-show', staffId: string) => close.immediate(id, outcome, now(), staffId),
  };
}

export type Queue = ReturnType<typeof createQueue>;
