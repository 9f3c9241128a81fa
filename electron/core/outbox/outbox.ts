import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { FieldCipher } from '../crypto/field-cipher';
import { perDatabase } from '../store/per-database';
import { appendAudit } from './audit';
import { readPayload, sealContext, stageSql, type OutboxKind, type PayloadRead } from './outbox-payload';

export type { OutboxKind } from './outbox-payload';

export interface OutboxMessage {
  aggregateType: string;
  aggregateId: string;
  kind: OutboxKind;
  /** What staff see in "needs attention": a receipt reference or ticket number, never personal data. */
  reference: string;
  /** The request body for the central API; sealed at rest because it may carry personal data. */
  body: unknown;
}

export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  aggregateType: string;
  aggregateId: string;
  kind: OutboxKind;
  reference: string;
  attempts: number;
  createdAt: string;
}

export interface PendingMessage extends OutboxRow {
  body: unknown;
  /** The body as stored, sent as it is: not serialised again per attempt. */
  bodyJson: string;
}

/** An answer of the API that acknowledged a message, to be recorded. */
export interface Acknowledgement {
  /** As `ready` read it: its aggregate and kind go into the audit row without reading the row again. */
  message: Pick<OutboxRow, 'id' | 'aggregateType' | 'aggregateId' | 'kind'>;
  receipt: unknown;
  at: Date;
  /** The domain's own record of the acknowledgement, in the same transaction. */
  alsoInTransaction?: () => void;
}

export interface OutboxCounts {
  pending: number;
  acked: number;
  needsAttention: number;
  lastAckedAt: string | null;
  nextAttemptAt: number | null;
  /** When the oldest row still to be sent was written. */
  oldestPendingAt: string | null;
}

export interface NeedsAttentionRow {
  id: number;
  kind: OutboxKind;
  reference: string;
  reason: string;
  /** The refusal's problem type, when the API gave one. */
  problemType: string | null;
  at: string;
}

interface RawRow {
  id: number;
  idempotency_key: string;
  aggregate_type: string;
  aggregate_id: string;
  kind: OutboxKind;
  reference: string;
  payload: string | null;
  attempts: number;
  created_at: string;
}

/** A row that could not be read and was moved to "needs attention" instead of being sent. */
export interface QuarantinedRow {
  id: number;
  kind: string;
  reference: string;
  reason: string;
}

/**
 * The transactional outbox: a domain change and the message announcing it are written in the same
 * SQLite transaction, so a crash leaves both or neither. Rows are never deleted by sync: an
 * acknowledged row keeps its key (a late duplicate is recognisable) and loses only its payload.
 */
// Per connection, not per outbox object: two outboxes over one database see each other's changes.
const generations = perDatabase((): { n: number } => ({ n: 0 }));

export function createOutbox(db: Database, cipher: FieldCipher) {
  const insert = db.prepare(
    `INSERT INTO outbox (idempotency_key, aggregate_type, aggregate_id, kind, reference, payload, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ready = db.prepare(
    `SELECT o.id, o.idempotency_key, o.aggregate_type, o.aggregate_id, o.kind, o.reference, o.payload, o.attempts, o.created_at
     FROM outbox o
     WHERE o.status = 'pending' AND o.next_attempt_at <= ?
       AND o.id NOT IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (
         SELECT 1 FROM outbox earlier
         WHERE earlier.aggregate_type = o.aggregate_type AND earlier.aggregate_id = o.aggregate_id
           AND earlier.status IN ('pending', 'needs_attention')
           AND (${stageSql('earlier')}, earlier.id) < (${stageSql('o')}, o.id))
     ORDER BY o.id LIMIT ?`,
  );
  // Everything after a row in its aggregate's order that has not been delivered or closed.
  const followersStmt = db.prepare(
    `SELECT o.id, o.idempotency_key, o.aggregate_type, o.aggregate_id, o.kind, o.reference, o.payload, o.attempts, o.created_at
     FROM outbox o JOIN outbox first ON first.id = ?
     WHERE o.aggregate_type = first.aggregate_type AND o.aggregate_id = first.aggregate_id AND o.id <> first.id
       AND o.status IN ('pending', 'needs_attention')
       AND (${stageSql('o')}, o.id) > (${stageSql('first')}, first.id)
     ORDER BY o.id`,
  );
  const counts = db.prepare(
    `SELECT
       count(*) FILTER (WHERE status = 'pending') AS pending,
       count(*) FILTER (WHERE status = 'acked') AS acked,
       count(*) FILTER (WHERE status = 'needs_attention') AS needsAttention,
       max(acked_at) AS lastAckedAt,
       min(next_attempt_at) FILTER (WHERE status = 'pending') AS nextAttemptAt,
       min(created_at) FILTER (WHERE status = 'pending') AS oldestPendingAt
     FROM outbox`,
  );
  const ackStmt = db.prepare(
    `UPDATE outbox SET status = 'acked', acked_at = ?, ack = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'`,
  );
  const retryStmt = db.prepare(`UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`);
  const attentionStmt = db.prepare(`UPDATE outbox SET status = 'needs_attention', attempts = attempts + 1, last_attempt_at = ?, last_error = ?, problem_type = ? WHERE id = ? AND status = 'pending'`);
  const quarantineStmt = db.prepare(`UPDATE outbox SET status = 'needs_attention', last_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`);
  const retryNowStmt = db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?`);
  const pendingStmt = db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`);
  const dueStmt = db.prepare(`SELECT min(next_attempt_at) AS due FROM outbox WHERE status = 'pending'`);
  const byId = db.prepare('SELECT aggregate_type, aggregate_id, kind, reference, attempts FROM outbox WHERE id = ?');
  const attentionById = db.prepare(`SELECT * FROM outbox WHERE id = ? AND status = 'needs_attention'`);
  const closeStmt = db.prepare(`UPDATE outbox SET status = 'closed', payload = NULL, closed_note = ? WHERE id = ? AND status = 'needs_attention'`);
  const closeOpenStmt = db.prepare(`UPDATE outbox SET status = 'closed', payload = NULL, closed_note = ? WHERE id = ? AND status IN ('pending', 'needs_attention')`);
  const knownKey = db.prepare<[string], 1>('SELECT 1 FROM outbox WHERE idempotency_key = ?');
  const withdrawStmt = db.prepare<[string]>("DELETE FROM outbox WHERE aggregate_id = ? AND status IN ('pending', 'needs_attention')");
  const forgetStmt = db.prepare<[string]>('UPDATE outbox SET payload = NULL WHERE aggregate_id = ? AND payload IS NOT NULL');
  const forgetAckedStmt = db.prepare<[string]>(`UPDATE outbox SET payload = NULL WHERE status = 'acked' AND payload IS NOT NULL AND acked_at <= ?`);
  const ackedOfKind = db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM outbox WHERE aggregate_id = ? AND kind = ? AND status = 'acked'");
  const anyFor = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE aggregate_type = ? AND aggregate_id = ?');

  /**
   * Sync bookkeeping (acknowledged, retry later, needs attention) commits without waiting for the
   * disk: if a power cut loses it, the row is simply sent again with the same key and the API
   * answers with its stored response. Only the enqueue, which stands for a printed receipt, waits
   * for fsync (synchronous=FULL). A single connection runs this synchronously, so nothing else
   * commits while the setting is relaxed.
   */
  /**
   * Bumped by every change that could make a row read by `ready` stale or no longer sendable (a new
   * row that may come first in its aggregate, a closed, withdrawn or emptied row, a quarantine): a
   * reader that keeps rows read earlier must read again once it moved. Acknowledgements, retries
   * and refusals leave it alone: they only ever hold back or release the rows behind them, and
   * `ready` never hands out a row with an open one before it in its aggregate.
   */
  const generation = generations(db);

  // Prepared once: `db.pragma` and `db.transaction` would prepare anew on every acknowledgement.
  const syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
  const syncFull = db.prepare('PRAGMA synchronous = FULL');
  const inTransaction = db.transaction((fn: () => unknown) => fn());
  const relaxed = <T>(fn: () => T): T => {
    syncNormal.run();
    try {
      return inTransaction.immediate(fn) as T;
    } finally {
      syncFull.run();
    }
  };

  const rowOf = (raw: RawRow): OutboxRow => ({
    id: raw.id,
    idempotencyKey: raw.idempotency_key,
    aggregateType: raw.aggregate_type,
    aggregateId: raw.aggregate_id,
    kind: raw.kind,
    reference: raw.reference,
    attempts: raw.attempts,
    createdAt: raw.created_at,
  });

  const auditFor = (id: number, at: Date, action: string, detail: Record<string, string | number | boolean | null>): void => {
    const row = byId.get(id) as { aggregate_type: string; aggregate_id: string; kind: string; reference: string } | undefined;
    if (!row) return;
    appendAudit(db, at, { action, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, detail: { outboxId: id, kind: row.kind, ...detail } });
  };

  const enqueue = (message: OutboxMessage, now: Date, idempotencyKey: string = uuidv7()): { id: number; idempotencyKey: string } => {
    if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the domain transaction');
    generation.n++;
    const sealed = cipher.seal(JSON.stringify(message.body), sealContext(idempotencyKey));
    const result = insert.run(idempotencyKey, message.aggregateType, message.aggregateId, message.kind, message.reference, sealed, now.getTime(), now.toISOString());
    return { id: Number(result.lastInsertRowid), idempotencyKey };
  };

  /** A row nobody can send (unreadable, or no longer the shape its kind needs) waits for a person, with why. */
  const quarantine = (raw: RawRow, reason: string, now: Date): void => {
    generation.n++;
    relaxed(() => {
      if (quarantineStmt.run(now.getTime(), reason, raw.id).changes) auditFor(raw.id, now, 'outbox.quarantined', {});
    });
  };

  return {
    /** Must run inside the caller's transaction, next to the domain row it announces. */
    /** `idempotencyKey` is given only when forwarding another device's message (the location hub): the key stays the same end to end. */
    enqueue,

    /**
     * The oldest sendable row of each aggregate, never a later one while an earlier one waits (a
     * completion always after its request). A row that cannot be read is quarantined on the spot
     * (reported through `onQuarantined`, once, as it leaves "pending") and the next rows are taken
     * in its place, so one damaged row never stops the rest of the outbox.
     */
    ready(now: Date, exclude: readonly number[], limit: number, onQuarantined?: (row: QuarantinedRow) => void): PendingMessage[] {
      const sendable: PendingMessage[] = [];
      for (;;) {
        const skip = JSON.stringify([...exclude, ...sendable.map((m) => m.id)]);
        const rows = ready.all(now.getTime(), skip, limit - sendable.length) as RawRow[];
        let quarantined = false;
        for (const raw of rows) {
          const read = readPayload(cipher, raw);
          if (read.ok) {
            sendable.push({ ...rowOf(raw), body: read.body, bodyJson: read.text });
            continue;
          }
          quarantine(raw, read.reason, now);
          onQuarantined?.({ id: raw.id, kind: raw.kind, reference: raw.reference, reason: read.reason });
          quarantined = true;
        }
        // Each pass quarantines at least one row or ends: this loop is bounded by the outbox.
        if (!quarantined || sendable.length >= limit) return sendable;
      }
    },

    /**
     * Staff resent a corrected message (`replacementId`, already enqueued) in place of the refused
     * `refusedId`: everything that waited behind the refused one in its aggregate is re-issued
     * after the replacement, each with a new key, and the originals are closed. A new key is safe:
     * such a row was never sent (it waited) or was refused (the API holds no success for its old
     * key, only the refusal it would replay). Must run inside the caller's transaction.
     */
    reissueFollowers(refusedId: number, replacementId: number, now: Date): number[] {
      if (!db.inTransaction) throw new Error('outbox.reissueFollowers must run inside the domain transaction');
      generation.n++;
      const reissued: number[] = [];
      for (const raw of followersStmt.all(refusedId) as RawRow[]) {
        if (raw.id === replacementId) continue;
        const read = readPayload(cipher, raw);
        // One that cannot be read stays where it is; the worker quarantines it with its reason.
        if (!read.ok) continue;
        const copy = enqueue({ aggregateType: raw.aggregate_type, aggregateId: raw.aggregate_id, kind: raw.kind, reference: raw.reference, body: read.body }, now);
        closeOpenStmt.run(`re-issued as message ${copy.id} after the corrected message ${replacementId}`, raw.id);
        auditFor(raw.id, now, 'outbox.reissued', { newOutboxId: copy.id, after: replacementId });
        reissued.push(copy.id);
      }
      return reissued;
    },

    /** Staff cancelled `refusedId`: what waited behind it in its aggregate is closed with it. Inside the caller's transaction. */
    closeFollowers(refusedId: number, note: string, now: Date): number[] {
      if (!db.inTransaction) throw new Error('outbox.closeFollowers must run inside the domain transaction');
      generation.n++;
      const closed: number[] = [];
      for (const raw of followersStmt.all(refusedId) as RawRow[]) {
        if (closeOpenStmt.run(note, raw.id).changes) {
          auditFor(raw.id, now, 'outbox.closed', { with: refusedId });
          closed.push(raw.id);
        }
      }
      return closed;
    },

    /**
     * Records acknowledgements that arrived together in one transaction (one commit, not one per
     * message). Each runs in a savepoint of its own: one whose `alsoInTransaction` throws is undone
     * alone, and its row stays pending (sent again, the key makes that safe). Answers, in order,
     * null for each recorded or skipped (no longer pending, e.g. withdrawn by an erasure) and the
     * error for each undone; throws, with nothing recorded, when the transaction itself fails.
     */
    markAcked(acks: readonly Acknowledgement[]): unknown[] {
      return relaxed(() =>
        acks.map(({ message, receipt, at, alsoInTransaction }) => {
          try {
            inTransaction(() => {
              if (!ackStmt.run(at.toISOString(), JSON.stringify(receipt), at.getTime(), message.id).changes) return;
              appendAudit(db, at, { action: 'outbox.acked', aggregateType: message.aggregateType, aggregateId: message.aggregateId, detail: { outboxId: message.id, kind: message.kind } });
              alsoInTransaction?.();
            });
            return null;
          } catch (err) {
            return err;
          }
        }),
      );
    },

    /** Connectivity is back: rows waiting out a backoff beyond `at` become due at `at`. */
    retryNow(at: Date): number {
      generation.n++;
      return retryNowStmt.run(at.getTime(), at.getTime()).changes;
    },

    markRetry(id: number, nextAttemptAt: Date, error: string, now: Date): void {
      relaxed(() =>
        retryStmt.run(
          nextAttemptAt.getTime(),
          now.getTime(),
          error,
          id,
        ),
      );
    },

    markNeedsAttention(id: number, reason: string, now: Date, problemType?: string): void {
      relaxed(() => {
        const changed = attentionStmt.run(now.getTime(), reason, problemType ?? null, id).changes;
        if (changed) auditFor(id, now, 'outbox.needs-attention', {});
      });
    },

    /** A row waiting for a person, with its body if it can be read, for the staff action that fixes it; null when it is not waiting. */
    needingAttention(id: number): (OutboxRow & { payload: PayloadRead }) | null {
      const raw = attentionById.get(id) as RawRow | undefined;
      if (!raw) return null;
      return { ...rowOf(raw), payload: readPayload(cipher, raw) };
    },

    /**
     * Staff dealt with a refused row: it is never sent again and loses its payload; the note says
     * what became of it. Must run inside the caller's transaction, next to the domain change.
     */
    close(id: number, note: string, now: Date): void {
      if (!db.inTransaction) throw new Error('outbox.close must run inside the domain transaction');
      generation.n++;
      // The note may hold a reason staff typed: it stays on the row, the audit records only that it closed.
      if (closeStmt.run(note, id).changes) auditFor(id, now, 'outbox.closed', {});
    },

    /**
     * An acknowledged row keeps its payload for the retention, minus fields the device must not
     * keep that long (the BSN of a completion). Must run inside the acknowledgement's transaction.
     */
    dropFromAckedPayload(id: number, fields: readonly string[]): void {
      if (!db.inTransaction) throw new Error('outbox.dropFromAckedPayload must run inside the acknowledgement transaction');
      const raw = db.prepare(`SELECT idempotency_key, payload FROM outbox WHERE id = ? AND status = 'acked' AND payload IS NOT NULL`).get(id) as Pick<RawRow, 'idempotency_key' | 'payload'> | undefined;
      if (!raw?.payload) return;
      const context = sealContext(raw.idempotency_key);
      const body = Object.fromEntries(Object.entries(JSON.parse(cipher.open(raw.payload, context)) as Record<string, unknown>).filter(([field]) => !fields.includes(field)));
      db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(cipher.seal(JSON.stringify(body), context), id);
    },

    /** A message stored before under this key (a kiosk's resend reaching the hub again). */
    knows: (idempotencyKey: string): boolean => knownKey.get(idempotencyKey) !== undefined,

    /** Whether the central API acknowledged a message of this kind for the aggregate. */
    wasAcked: (aggregateId: string, kind: OutboxKind): boolean => (ackedOfKind.get(aggregateId, kind)?.n ?? 0) > 0,

    /** Whether any message was ever queued for the aggregate (a statistics day sent or waiting). */
    hasMessageFor: (aggregateType: string, aggregateId: string): boolean => (anyFor.get(aggregateType, aggregateId)?.n ?? 0) > 0,

    /**
     * An erasure: the aggregate's rows not yet delivered are withdrawn, so nothing of it leaves the
     * device any more. Answers how many; call it inside the erasure's transaction.
     */
    withdrawUnsent: (aggregateId: string): number => {
      generation.n++;
      return withdrawStmt.run(aggregateId).changes;
    },

    /** An erasure: every payload of the aggregate goes, the rows (keys, dates) stay. */
    forgetPayloads: (aggregateId: string): number => {
      generation.n++;
      return forgetStmt.run(aggregateId).changes;
    },

    /** See `generation` above: rows read by `ready` while this stays the same are still sendable as read. */
    generation: (): number => generation.n,

    /** The retention purge: payloads acknowledged at or before the cutoff go. */
    dropAckedPayloadsUntil: (cutoff: Date): number => forgetAckedStmt.run(cutoff.toISOString()).changes,

    /** Cheap (a partial index) for loops that only need to know whether work is left. */
    pendingCount(): number {
      return (pendingStmt.get() as { n: number }).n;
    },

    nextDueAt(): number | null {
      return (dueStmt.get() as { due: number | null }).due;
    },

    counts(): OutboxCounts {
      return counts.get() as OutboxCounts;
    },

    needsAttention(): NeedsAttentionRow[] {
      return db
        .prepare(`SELECT id, kind, reference, coalesce(last_error, '') AS reason, problem_type AS problemType, last_attempt_at AS at FROM outbox WHERE status = 'needs_attention' ORDER BY id`)
        .all()
        .map((r) => {
          const row = r as { id: number; kind: OutboxKind; reference: string; reason: string; problemType: string | null; at: number };
          return { ...row, at: new Date(row.at).toISOString() };
        });
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
