import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { PrintDocument } from '../../../shared/printing/print-document';
import { PrintJobState, type PrintJob } from '../../../shared/printing/print-job';

/**
 * Print jobs live in the device database, next to what they print. `add` is synchronous and uses
 * the caller's connection, so a voucher request and its receipt job commit in one transaction:
 * either both exist or neither does.
 */
export interface PrintJobStore {
  add(document: PrintDocument, at: Date, options?: { copyOf?: string }): PrintJob;
  get(id: string): PrintJob | null;
  /**
   * The oldest pending job, if its retry time has come. Strictly oldest first: a newer job never
   * overtakes one waiting out its retry delay, so receipts come out in the order people asked.
   */
  nextDue(now: Date): PrintJob | null;
  /** When the oldest pending job is due, or null when none is waiting. */
  nextDueAt(): Date | null;
  /** Claims a pending job for sending; false when someone else has it or it is no longer pending. */
  markSending(id: string): boolean;
  markPrinted(id: string, at: Date): void;
  markRetry(id: string, nextAttemptAt: Date, error: string): void;
  markFailed(id: string, error: string): void;
  /** Makes every waiting job due now, e.g. when the printer is back. */
  retryAllNow(): void;
  /** After a restart: a job caught while sending may have printed, so it is not sent again. */
  recoverInterrupted(): number;
  counts(): { pending: number; failed: number };
  recent(limit: number): PrintJob[];
}

interface Row {
  id: string;
  document: string;
  copy_of: string | null;
  state: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  printed_at: string | null;
  last_error: string | null;
}

function toJob(row: Row): PrintJob {
  return {
    id: row.id,
    document: PrintDocument.parse(JSON.parse(row.document)),
    copyOf: row.copy_of,
    state: PrintJobState.parse(row.state),
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    printedAt: row.printed_at,
    lastError: row.last_error,
  };
}

/** The table comes from the device store's migrations (version 5). */
export function createSqlitePrintJobStore(db: Database): PrintJobStore {
  const insert = db.prepare(
    `INSERT INTO print_jobs (id, kind, document, copy_of, state, attempts, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?)`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM print_jobs WHERE id = ?');
  const oldest = db.prepare<[], Row>(`SELECT * FROM print_jobs WHERE state = 'pending' ORDER BY created_at, id LIMIT 1`);
  const sending = db.prepare(`UPDATE print_jobs SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'`);
  const printed = db.prepare(`UPDATE print_jobs SET state = 'printed', printed_at = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ? AND state = 'sending'`);
  const retry = db.prepare(
    `UPDATE print_jobs SET state = 'pending', attempts = attempts + (state = 'pending'), next_attempt_at = ?, last_error = ? WHERE id = ? AND state IN ('pending', 'sending')`,
  );
  const failed = db.prepare(`UPDATE print_jobs SET state = 'failed', next_attempt_at = NULL, last_error = ? WHERE id = ? AND state IN ('pending', 'sending')`);
  const allNow = db.prepare(`UPDATE print_jobs SET next_attempt_at = NULL WHERE state = 'pending' AND next_attempt_at IS NOT NULL`);
  const interrupted = db.prepare(
    `UPDATE print_jobs SET state = 'uncertain', last_error = 'the app stopped while this job was being sent' WHERE state = 'sending'`,
  );
  const counts = db.prepare<[], { pending: number; failed: number }>(
    `SELECT COALESCE(SUM(state IN ('pending', 'sending')), 0) AS pending, COALESCE(SUM(state IN ('failed', 'uncertain')), 0) AS failed FROM print_jobs`,
  );
  const recent = db.prepare<[number], Row>('SELECT * FROM print_jobs ORDER BY created_at DESC, id DESC LIMIT ?');

  return {
    add(document, at, options = {}) {
      const parsed = PrintDocument.parse(document);
      const id = uuidv7();
      insert.run(id, parsed.kind, JSON.stringify(parsed), options.copyOf ?? null, at.toISOString());
      const row = byId.get(id);
      if (!row) throw new Error('print job vanished right after it was stored');
      return toJob(row);
    },
    get(id) {
      const row = byId.get(id);
      return row ? toJob(row) : null;
    },
    nextDue(now) {
      const row = oldest.get();
      if (!row || (row.next_attempt_at !== null && row.next_attempt_at > now.toISOString())) return null;
      return toJob(row);
    },
    nextDueAt() {
      const row = oldest.get();
      return row ? new Date(row.next_attempt_at ?? row.created_at) : null;
    },
    markSending: (id) => sending.run(id).changes === 1,
    markPrinted(id, at) {
      printed.run(at.toISOString(), id);
    },
    markRetry(id, nextAttemptAt, error) {
      retry.run(nextAttemptAt.toISOString(), error, id);
    },
    markFailed(id, error) {
      failed.run(error, id);
    },
    retryAllNow() {
      allNow.run();
    },
    recoverInterrupted: () => interrupted.run().changes,
    counts: () => counts.get() ?? { pending: 0, failed: 0 },
    recent: (limit) => recent.all(limit).map(toJob),
  };
}
