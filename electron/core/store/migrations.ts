import type { Database } from 'better-sqlite3';
import { storeErrorFor } from './store-error';

export interface Migration {
  version: number;
  summary: string;
  sql: string;
}

/**
 * Forward-only: a released migration is never edited, a change is a new version. Each version's
 * SQL is what a database at version n-1 needs to become version n; the test suite migrates a
 * database created at every earlier version and compares the result with a fresh one.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    summary: 'device metadata, the outbox and the audit log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        aggregate_type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        reference TEXT NOT NULL,
        payload TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'needs_attention')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        acked_at TEXT,
        ack TEXT
      ) STRICT;
      CREATE INDEX outbox_by_status ON outbox (status, aggregate_type, aggregate_id, id);
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        aggregate_type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        detail TEXT
      ) STRICT;
    `,
  },
  {
    version: 2,
    summary: 'voucher requests started at the kiosk',
    sql: `
      CREATE TABLE voucher_requests (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        trajectory TEXT NOT NULL CHECK (trajectory IN ('ontwikkeladvies', 'loopbaan-apk', 'opleidingsadvies')),
        provider_id TEXT,
        contact TEXT,
        consent_purpose TEXT NOT NULL,
        consent_at TEXT NOT NULL,
        eligibility TEXT NOT NULL,
        language TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'started',
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    summary: 'queue tickets',
    sql: `
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        topic TEXT NOT NULL,
        service_day TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (service_day, number)
      ) STRICT;
    `,
  },
  {
    version: 4,
    summary: 'personal-data retention: when a request was acknowledged and when its personal data was purged',
    sql: `
      ALTER TABLE voucher_requests ADD COLUMN acked_at TEXT;
      ALTER TABLE voucher_requests ADD COLUMN purged_at TEXT;
      CREATE INDEX voucher_requests_purgeable ON voucher_requests (acked_at) WHERE purged_at IS NULL;
    `,
  },
  {
    version: 5,
    summary: 'print jobs: receipts and tickets, written with what they print, sent at most once (docs/printing.md)',
    sql: `
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        document TEXT NOT NULL,
        copy_of TEXT REFERENCES print_jobs (id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'printed', 'failed', 'uncertain')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        next_attempt_at TEXT,
        printed_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX print_jobs_pending ON print_jobs (state, next_attempt_at, created_at);
    `,
  },
];

export const latestVersion = migrations.at(-1)?.version ?? 0;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to `target` in one transaction: either every pending step lands, or none
 * does and the file stays at its old version. A database newer than this app is refused, never
 * "migrated" backwards.
 */
export function migrate(db: Database, file: string, target = latestVersion, all: readonly Migration[] = migrations): number {
  const current = schemaVersion(db);
  const latest = all.at(-1)?.version ?? 0;
  if (current > latest) throw storeErrorFor('too-new', file, `schema version ${current}, this app knows up to ${latest}`);
  const pending = all.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}
