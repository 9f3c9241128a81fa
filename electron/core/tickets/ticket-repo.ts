import type { Database } from 'better-sqlite3';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import { perDatabase } from '../store/per-database';

export interface TicketRow {
  id: string;
  number: string;
  topic: string;
  state: QueueTicket['state'];
  created_at: string;
  called_at: string | null;
  called_by: string | null;
  /** The self-scan's areas as letters ("RS"); empty for a ticket taken otherwise. */
  scan_areas: string;
}

/** A ticket as it is taken at this device or received by the hub from a kiosk. */
export interface TakenTicket {
  id: string;
  number: string;
  topic: string;
  serviceDay: string;
  seq: number;
  createdAt: string;
  /** The self-scan's strongest areas, when the ticket was taken from its result. */
  scanAreas?: readonly string[];
}

/**
 * The tickets table: the only place its SQL is written. The queue, the hub and statistics read
 * and change tickets through these functions, inside their own transactions.
 */
export const ticketRepo = perDatabase((db: Database) => {
  const lastSeq = db.prepare<[string], number | null>('SELECT max(seq) FROM tickets WHERE service_day = ?').pluck();
  const lastSeqOfLetter = db.prepare<[string, string], number | null>("SELECT max(seq) FROM tickets WHERE service_day = ? AND number GLOB ? || '[0-9]*'").pluck();
  const insert = db.prepare<[string, string, string, string, number, string, string]>('INSERT INTO tickets (id, number, topic, service_day, seq, created_at, scan_areas) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const numberTaken = db.prepare<[string, string], 1>('SELECT 1 FROM tickets WHERE service_day = ? AND number = ?');
  // From the same millisecond on: a ticket taken right as the hub's answer arrived may not be in it.
  const takenSince = db.prepare<[string, string], number>('SELECT count(*) FROM tickets WHERE service_day = ? AND created_at >= ?').pluck();
  const open = db.prepare<[string], TicketRow>(
    `SELECT id, number, topic, state, created_at, called_at, called_by, scan_areas FROM tickets
     WHERE service_day = ? AND state IN ('waiting', 'called') ORDER BY created_at, number`,
  );
  const oldestWaiting = db.prepare<[string], TicketRow>(
    `SELECT id, number, topic, state, created_at, called_at, called_by, scan_areas FROM tickets
     WHERE service_day = ? AND state = 'waiting' ORDER BY created_at, number LIMIT 1`,
  );
  // Newest first: the waiting-room screen shows the first four, the desk's pace reads all nine.
  const recentCalls = db.prepare<[string], { number: string; calledAt: string }>(
    `SELECT number, called_at AS calledAt FROM tickets WHERE service_day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, number DESC LIMIT 9`,
  );
  const waitingCount = db.prepare<[string], number>(`SELECT count(*) FROM tickets WHERE service_day = ? AND state = 'waiting'`).pluck();
  const byId = db.prepare<[string], TicketRow>('SELECT id, number, topic, state, created_at, called_at, called_by, scan_areas FROM tickets WHERE id = ?');
  const calledBy = db.prepare<[string, string], TicketRow>(
    `SELECT id, number, topic, state, created_at, called_at, called_by, scan_areas FROM tickets
     WHERE called_by = ? AND service_day = ? AND state = 'called' ORDER BY called_at DESC LIMIT 1`,
  );
  // Only a waiting ticket is called: a second caller in the same moment changes nothing.
  const call = db.prepare<[string, string, string]>(`UPDATE tickets SET state = 'called', called_at = ?, called_by = ? WHERE id = ? AND state = 'waiting'`);
  const close = db.prepare<[string, string, string]>('UPDATE tickets SET state = ?, closed_at = ? WHERE id = ?');
  const ofDay = db.prepare<[string], { topic: string; state: string; created_at: string }>('SELECT topic, state, created_at FROM tickets WHERE service_day = ?');
  const daysBetween = db.prepare<[string, string], string>('SELECT DISTINCT service_day FROM tickets WHERE service_day >= ? AND service_day < ?').pluck();

  return {
    /** The day's highest number of any letter; 0 before the day's first ticket. */
    lastSeq: (day: string): number => lastSeq.get(day) ?? 0,
    /** The day's highest number of one ticket letter (a kiosk's prefix); 0 when it has none. */
    lastSeqOfLetter: (prefix: string, day: string): number => lastSeqOfLetter.get(day, prefix) ?? 0,
    insertTaken(t: TakenTicket): void {
      insert.run(t.id, t.number, t.topic, t.serviceDay, t.seq, t.createdAt, (t.scanAreas ?? []).join(''));
    },
    numberTaken: (day: string, number: string): boolean => numberTaken.get(day, number) !== undefined,
    takenSince: (day: string, since: Date): number => takenSince.get(day, since.toISOString()) ?? 0,
    /** Waiting and called, oldest first. */
    openOfDay: (day: string): TicketRow[] => open.all(day),
    oldestWaiting: (day: string): TicketRow | undefined => oldestWaiting.get(day),
    recentCalls: (day: string): { number: string; calledAt: string }[] => recentCalls.all(day),
    waitingCount: (day: string): number => waitingCount.get(day) ?? 0,
    byId: (id: string): TicketRow | undefined => byId.get(id),
    /** The ticket one staff member called and has not given an outcome for yet on a day. */
    calledBy: (staffId: string, day: string): TicketRow | undefined => calledBy.get(staffId, day),
    /** False when the ticket was not waiting any more. */
    markCalled: (id: string, at: Date, staffId: string): boolean => call.run(at.toISOString(), staffId, id).changes === 1,
    markClosed(id: string, outcome: 'served' | 'no-show', at: Date): void {
      close.run(outcome, at.toISOString(), id);
    },
    /** The columns statistics may read: a ticket is anonymous. */
    ofDay: (day: string): { topic: string; state: string; created_at: string }[] => ofDay.all(day),
    /** The service days with tickets, from `from` up to but not including `to`. */
    daysBetween: (from: string, to: string): string[] => daysBetween.all(from, to),
  };
});

export type TicketRepo = ReturnType<typeof ticketRepo>;
