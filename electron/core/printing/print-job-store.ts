import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { PrintDocument } from '../../../shared/printing/print-document';
import { locationDay } from '../../../shared/domain/location-time';
import { PrintJobState, type PrintJob, type PrintJobSummary } from '../../../shared/printing/print-job';

/** Which jobs the counter's list shows: part of a code as typed, one kind, one day (Dutch time). */
export interface PrintJobFilter {
  code?: string;
  kind?: PrintJobSummary['kind'];
  day?: string;
}

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
  recent(limit: number, filter?: PrintJobFilter): PrintJob[];
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
  // The code is the receipt's reference or the ticket's number, compared without its dash. A day
  // is read with a margin of a day either side (created_at is UTC) and kept by its Dutch date.
  const recent = db.prepare<{ kind: string | null; code: string | null; from: string | null; to: string | null; limit: number }, Row>(
    `SELECT * FROM print_jobs
     WHERE (@kind IS NULL OR kind = @kind)
       AND (@from IS NULL OR (created_at >= @from AND created_at < @to))
       AND (@code IS NULL OR instr(replace(upper(coalesce(json_extract(document, '$.data.referenceCode'), json_extract(document, '$.data.ticketNumber'), '')), '-', ''), @code) > 0)
     ORDER BY created_at DESC, id DESC LIMIT @limit`,
  );

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
    recent(limit, filter = {}) {
      const code = filter.code?.replace(/[\s\-\u2010-\u2014_.]/g, '').toUpperCase() || null;
      const day = filter.day;
      const margin = (offset: number) => (day ? new Date(Date.parse(`${day}T00:00:00Z`) + offset * 86_400_000).toISOString() : null);
      // With a day, every row of the margin is read before the day's own are kept, then the limit applies.
      const rows = recent.all({ kind: filter.kind ?? null, code, from: margin(-1), to: margin(2), limit: day ? -1 : limit });
      return (day ? rows.filter((r) => locationDay(r.created_at) === day).slice(0, limit) : rows).map(toJob);
    },
  };
}
