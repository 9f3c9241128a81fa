import Database, { type Database as Db } from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { heartbeatHistoryMax } from '../../shared/central-api/fleet';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type KeyLookup = { state: 'new' } | { state: 'in-flight' } | { state: 'mismatch' } | { state: 'done'; response: StoredResponse };

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * The simulator's own SQLite file: idempotency keys with their stored responses, what it received,
 * enrolled devices. `received` has no unique constraint on purpose: a duplicate the client causes
 * must show up in the stats, not be hidden by the database.
 */
export function openSimStore(file: string) {
  const db: Db = new Database(file);
  // A test double, not the real API: WAL without an fsync per commit is durable enough for it,
  // and keeps it from being the bottleneck of the drain it stands in for (docs/performance.md).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS idempotency (
      key TEXT PRIMARY KEY, route TEXT NOT NULL, fingerprint TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('in-flight', 'done')), status INTEGER, body TEXT, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS received (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, reference TEXT NOT NULL, id TEXT NOT NULL,
      device_id TEXT, status TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS received_by_reference ON received (kind, reference);
    CREATE TABLE IF NOT EXISTS enrollment_codes (code TEXT PRIMARY KEY, used_at TEXT);
    CREATE TABLE IF NOT EXISTS devices (
      id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, location_id TEXT NOT NULL, role TEXT NOT NULL,
      enrolled_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS heartbeats (device_id TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS heartbeats_by_device ON heartbeats (device_id);
    CREATE TABLE IF NOT EXISTS statistics (device_id TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL);
  `);
  // A key left "in flight" by a simulator that was stopped mid-request was never answered: forget it.
  db.exec(`DELETE FROM idempotency WHERE state = 'in-flight'`);

  const getKey = db.prepare('SELECT route, fingerprint, state, status, body FROM idempotency WHERE key = ?');
  const claimKey = db.prepare(`INSERT INTO idempotency (key, route, fingerprint, state, created_at) VALUES (?, ?, ?, 'in-flight', ?)`);
  // Claimed before (a slow answer) or not: the key ends up done with its answer either way.
  const finishKey = db.prepare(
    `INSERT INTO idempotency (key, route, fingerprint, state, status, body, created_at) VALUES (?, ?, ?, 'done', ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET state = 'done', status = excluded.status, body = excluded.body`,
  );
  const releaseKey = db.prepare(`DELETE FROM idempotency WHERE key = ? AND state = 'in-flight'`);
  const insertReceived = db.prepare('INSERT INTO received (kind, reference, id, device_id, status, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const receivedByReference = db.prepare('SELECT id, status, received_at FROM received WHERE kind = ? AND reference = ? ORDER BY seq LIMIT 1');
  // Every authenticated call looks its token up: prepared per call, each statement's native memory
  // would wait for a garbage collection that the small JS object never prompts.
  const deviceByToken = db.prepare('SELECT id FROM devices WHERE token_hash = ? AND revoked = 0');
  const inTransaction = db.transaction((fn: () => void) => fn());

  interface Completion {
    key: string;
    run(): unknown;
    settle(outcome: { ok: true; body: unknown } | { ok: false; error: unknown }): void;
  }
  /**
   * Group commit: the answers made in one turn of the event loop commit in one transaction, each
   * in a savepoint of its own (one that fails is undone alone), and none is sent before that
   * commit. A key stays here until then, and counts as in flight: a second request with it gets
   * a 409, never a second answer.
   */
  let queued: Completion[] = [];
  const committing = new Set<string>();
  const commitQueued = (): void => {
    const batch = queued;
    queued = [];
    const outcomes = new Map<Completion, { ok: true; body: unknown } | { ok: false; error: unknown }>();
    try {
      inTransaction(() => {
        for (const job of batch) {
          try {
            let body: unknown;
            inTransaction(() => {
              body = job.run();
            });
            outcomes.set(job, { ok: true, body });
          } catch (error) {
            outcomes.set(job, { ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) outcomes.set(job, { ok: false, error });
    }
    for (const job of batch) {
      committing.delete(job.key);
      job.settle(outcomes.get(job) ?? { ok: false, error: new Error('not committed') });
    }
  };

  return {
    db,
    /**
     * What the key says about a request. A new key is not written yet: an answer made without
     * waiting stores it with its answer in one transaction (`complete`, and Node runs the two
     * without interleaving); one that waits first claims it (`claim`).
     */
    lookup(key: string, route: string, print: string): KeyLookup {
      if (committing.has(key)) return { state: 'in-flight' };
      const row = getKey.get(key) as { route: string; fingerprint: string; state: string; status: number | null; body: string | null } | undefined;
      if (!row) return { state: 'new' };
      if (row.route !== route || row.fingerprint !== print) return { state: 'mismatch' };
      if (row.state === 'in-flight') return { state: 'in-flight' };
      return { state: 'done', response: { status: row.status ?? 500, body: row.body === null ? null : (JSON.parse(row.body) as unknown) } };
    },
    /** Marks a new key in flight, for an answer that takes a while: a second request with it meanwhile gets a 409. */
    claim(key: string, route: string, print: string, now: Date): void {
      claimKey.run(key, route, print, now.toISOString());
    },
    /**
     * Does the work and stores its response under the key in one savepoint, either both or
     * neither, and resolves once that is committed (the group commit above).
     */
    complete(key: string, route: string, print: string, now: Date, status: number, produce: () => unknown): Promise<unknown> {
      committing.add(key);
      return new Promise((resolve, reject) => {
        const run = (): unknown => {
          const body = produce();
          finishKey.run(key, route, print, status, JSON.stringify(body), now.toISOString());
          return body;
        };
        queued.push({ key, run, settle: (o) => (o.ok ? resolve(o.body) : reject(o.error)) });
        if (queued.length === 1) setImmediate(commitQueued);
      });
    },
    release(key: string): void {
      releaseKey.run(key);
    },
    recordReceived(kind: string, reference: string, deviceId: string | null, status: string, body: unknown, now: Date): string {
      const id = uuidv7();
      insertReceived.run(kind, reference, id, deviceId, status, JSON.stringify(body), now.toISOString());
      return id;
    },
    findReceived(kind: string, reference: string): { id: string; status: string; received_at: string } | undefined {
      return receivedByReference.get(kind, reference) as
        | { id: string; status: string; received_at: string }
        | undefined;
    },
    received(): { seq: number; kind: string; reference: string }[] {
      return db.prepare('SELECT seq, kind, reference FROM received ORDER BY seq').all() as { seq: number; kind: string; reference: string }[];
    },
    counts(): { stored: number; distinct: number } {
      return db.prepare('SELECT count(*) AS stored, count(DISTINCT kind || char(0) || reference) AS "distinct" FROM received').get() as { stored: number; distinct: number };
    },
    issueEnrollmentCode(): string {
      const alphabet = 'ACDEFGHJKMNPQRTUVWXY345679';
      const bytes = randomBytes(12);
      const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
      const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
      db.prepare('INSERT INTO enrollment_codes (code) VALUES (?)').run(code);
      return code;
    },
    /** Uses a one-time code: a second use of the same code fails. */
    enroll(code: string, locationId: string, role: string, now: Date): { deviceId: string; deviceToken: string } | null {
      return db.transaction(() => {
        const used = db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE code = ? AND used_at IS NULL').run(now.toISOString(), code).changes;
        if (!used) return null;
        const deviceId = uuidv7();
        const deviceToken = randomBytes(32).toString('base64url');
        db.prepare('INSERT INTO devices (id, token_hash, location_id, role, enrolled_at) VALUES (?, ?, ?, ?, ?)').run(deviceId, hashToken(deviceToken), locationId, role, now.toISOString());
        return { deviceId, deviceToken };
      })();
    },
    deviceFor(token: string): string | null {
      const row = deviceByToken.get(hashToken(token)) as { id: string } | undefined;
      return row?.id ?? null;
    },
    revokeAllTokens(): void {
      db.prepare('UPDATE devices SET revoked = 1').run();
    },
    recordHeartbeat(deviceId: string, body: unknown, now: Date): void {
      db.prepare('INSERT INTO heartbeats (device_id, body, received_at) VALUES (?, ?, ?)').run(deviceId, JSON.stringify(body), now.toISOString());
      // Bounded like the fleet's history: a simulator left running for weeks must not grow without end.
      db.prepare('DELETE FROM heartbeats WHERE device_id = ? AND rowid <= (SELECT rowid FROM heartbeats WHERE device_id = ? ORDER BY rowid DESC LIMIT 1 OFFSET ?)').run(deviceId, deviceId, heartbeatHistoryMax);
    },
    recordStatistics(deviceId: string, body: unknown, now: Date): void {
      db.prepare('INSERT INTO statistics (device_id, body, received_at) VALUES (?, ?, ?)').run(deviceId, JSON.stringify(body), now.toISOString());
    },
    /** The statistics bodies received, oldest first, exactly as sent. */
    statistics(): unknown[] {
      return (db.prepare('SELECT body FROM statistics ORDER BY rowid').all() as { body: string }[]).map((r) => JSON.parse(r.body) as unknown);
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}

export type SimStore = ReturnType<typeof openSimStore>;
