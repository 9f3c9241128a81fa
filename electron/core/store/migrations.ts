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
  {
    version: 6,
    summary: 'outbox indexes that keep picking the next rows cheap with a long queue',
    sql: `
      DROP INDEX outbox_by_status;
      CREATE INDEX outbox_pending_in_order ON outbox (id) WHERE status = 'pending';
      CREATE INDEX outbox_open_by_aggregate ON outbox (aggregate_type, aggregate_id, id) WHERE status IN ('pending', 'needs_attention');
      CREATE INDEX outbox_by_status ON outbox (status);
    `,
  },
  {
    version: 7,
    summary: 'counter desk: staff accounts (scrypt PIN hashes only), ticket calling, identity check and completion of requests',
    sql: `
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'location-manager', 'it')),
        pin_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE tickets ADD COLUMN state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'called', 'served', 'no-show'));
      ALTER TABLE tickets ADD COLUMN called_at TEXT;
      ALTER TABLE tickets ADD COLUMN closed_at TEXT;
      CREATE INDEX tickets_waiting ON tickets (service_day, state, created_at);
      ALTER TABLE voucher_requests ADD COLUMN identity_document TEXT;
      ALTER TABLE voucher_requests ADD COLUMN bsn TEXT;
      ALTER TABLE voucher_requests ADD COLUMN completed_at TEXT;
      ALTER TABLE voucher_requests ADD COLUMN cancelled_at TEXT;
      ALTER TABLE voucher_requests ADD COLUMN cancel_reason TEXT;
    `,
  },
  {
    version: 8,
    summary: 'outbox rows staff closed from "needs attention" (resent as a new message, or cancelled), with their note',
    // SQLite cannot change a CHECK constraint in place: the table is rebuilt with the same rows and ids.
    sql: `
      CREATE TABLE outbox_v8 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        aggregate_type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        reference TEXT NOT NULL,
        payload TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'needs_attention', 'closed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        acked_at TEXT,
        ack TEXT,
        closed_note TEXT
      ) STRICT;
      INSERT INTO outbox_v8 (id, idempotency_key, aggregate_type, aggregate_id, kind, reference, payload, status, attempts, next_attempt_at, last_attempt_at, last_error, created_at, acked_at, ack)
        SELECT id, idempotency_key, aggregate_type, aggregate_id, kind, reference, payload, status, attempts, next_attempt_at, last_attempt_at, last_error, created_at, acked_at, ack FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_v8 RENAME TO outbox;
      CREATE INDEX outbox_pending_in_order ON outbox (id) WHERE status = 'pending';
      CREATE INDEX outbox_open_by_aggregate ON outbox (aggregate_type, aggregate_id, id) WHERE status IN ('pending', 'needs_attention');
      CREATE INDEX outbox_by_status ON outbox (status);
    `,
  },
  {
    version: 9,
    summary: 'requests staff start at the desk (their origin), and the kiosks the location hub has heard from, kept across restarts',
    sql: `
      ALTER TABLE voucher_requests ADD COLUMN origin TEXT NOT NULL DEFAULT 'kiosk' CHECK (origin IN ('kiosk', 'desk'));
      CREATE TABLE hub_kiosks (
        identity TEXT PRIMARY KEY,
        app_version TEXT,
        last_seen_at TEXT NOT NULL,
        messages INTEGER NOT NULL DEFAULT 0,
        printer TEXT CHECK (printer IS NULL OR json_valid(printer)),
        queue_depth INTEGER CHECK (queue_depth >= 0),
        queue_needs_attention INTEGER CHECK (queue_needs_attention >= 0),
        queue_oldest_at TEXT,
        status_at TEXT
      ) STRICT;
    `,
  },
  {
    version: 10,
    summary: 'erase orders the location hub keeps for the kiosk a request came from, until that kiosk confirms it erased its copy',
    sql: `
      CREATE TABLE hub_erase_orders (
        request_id TEXT PRIMARY KEY,
        kiosk TEXT NOT NULL,
        reference TEXT NOT NULL,
        ordered_at TEXT NOT NULL,
        confirmed_at TEXT
      ) STRICT;
      CREATE INDEX hub_erase_orders_open ON hub_erase_orders (kiosk) WHERE confirmed_at IS NULL;
    `,
  },
  {
    version: 11,
    summary: 'the hub enrolls its kiosks (which installation holds each ticket letter, which one waits for approval); a kiosk keeps its installation id and the day the hub last confirmed its numbering',
    // Kiosks the hub heard from before enrollment existed were trusted then: '*' lets the first
    // installation that calls for that letter keep it, so an upgrade does not stop a working location.
    sql: `
      ALTER TABLE hub_kiosks ADD COLUMN enrolled_install TEXT;
      ALTER TABLE hub_kiosks ADD COLUMN enrolled_at TEXT;
      ALTER TABLE hub_kiosks ADD COLUMN candidate_install TEXT;
      ALTER TABLE hub_kiosks ADD COLUMN candidate_since TEXT;
      UPDATE hub_kiosks SET enrolled_install = '*';
      CREATE TABLE hub_link (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        install_id TEXT NOT NULL,
        confirmed_day TEXT,
        confirmed_seq INTEGER
      ) STRICT;
    `,
  },
  {
    version: 12,
    summary: 'the shop\'s agenda: appointments (contact fields sealed, purged after the date), advisers per day part, group session seats',
    sql: `
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        location_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        service_day TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('booked', 'checked-in', 'called', 'served', 'no-show', 'cancelled')),
        first_name TEXT,
        phone TEXT,
        language TEXT NOT NULL,
        booked_via TEXT NOT NULL CHECK (booked_via IN ('kiosk', 'central', 'desk')),
        idempotency_key TEXT NOT NULL UNIQUE,
        booked_at TEXT NOT NULL,
        checked_in_at TEXT,
        as_walk_in INTEGER NOT NULL DEFAULT 0,
        called_at TEXT,
        called_by TEXT,
        closed_at TEXT,
        purged_at TEXT
      ) STRICT;
      CREATE INDEX appointments_holding ON appointments (location_id, start_at) WHERE state <> 'cancelled';
      CREATE INDEX appointments_of_day ON appointments (location_id, service_day);
      CREATE TABLE appointment_capacity (
        location_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        day_part TEXT NOT NULL CHECK (day_part IN ('morning', 'afternoon', 'evening')),
        advisers INTEGER NOT NULL CHECK (advisers >= 0),
        PRIMARY KEY (location_id, scope, day_part)
      ) STRICT;
      CREATE TABLE session_seats (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL,
        location_id TEXT NOT NULL,
        session_start TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('signed-up', 'cancelled')),
        first_name TEXT,
        phone TEXT,
        language TEXT NOT NULL,
        booked_via TEXT NOT NULL CHECK (booked_via IN ('kiosk', 'central', 'desk')),
        idempotency_key TEXT NOT NULL UNIQUE,
        signed_up_at TEXT NOT NULL,
        cancelled_at TEXT,
        purged_at TEXT
      ) STRICT;
      CREATE INDEX session_seats_of_session ON session_seats (session_id, state);
      `,
  },
  {
    version: 13,
    summary: 'who called a ticket (the desk asks that person for its outcome before they call the next one); the problem type of a refusal, for the desk to say it in Dutch',
    sql: `
      ALTER TABLE tickets ADD COLUMN called_by TEXT;
      ALTER TABLE outbox ADD COLUMN problem_type TEXT;
      CREATE INDEX tickets_called_by ON tickets (called_by, service_day) WHERE state = 'called';
    `,
  },
  {
    version: 14,
    summary: 'visits per invitation campaign per service day (the campaign, never the code on the letter)',
    sql: `
      CREATE TABLE invitation_visits (
        day TEXT NOT NULL,
        campaign TEXT NOT NULL,
        visits INTEGER NOT NULL CHECK (visits > 0),
        PRIMARY KEY (day, campaign)
      ) STRICT;
    `,
  },
  {
    version: 15,
    summary: 'answers to "Hoe was je bezoek?" per service day, service and rating (counts only)',
    sql: `
      CREATE TABLE feedback_counts (
        day TEXT NOT NULL,
        service TEXT NOT NULL,
        rating TEXT NOT NULL,
        answers INTEGER NOT NULL CHECK (answers > 0),
        PRIMARY KEY (day, service, rating)
      ) STRICT;
    `,
  },
  {
    version: 16,
    summary: 'outposts and the shop\'s agenda: the share of each slot outposts may book, the central API\'s allowance from the hub, and the feed of central bookings the hub pulls',
    sql: `
      CREATE TABLE appointment_outposts (
        location_id TEXT PRIMARY KEY,
        share INTEGER NOT NULL CHECK (share BETWEEN 0 AND 20),
        plan_version INTEGER NOT NULL CHECK (plan_version >= 1),
        confirmed_version INTEGER NOT NULL DEFAULT 0,
        held_share INTEGER NOT NULL DEFAULT 0,
        pull_cursor INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE appointment_allowances (
        location_id TEXT PRIMARY KEY,
        plan_version INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE appointment_feed (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        appointment_id TEXT NOT NULL,
        location_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX appointment_feed_of_location ON appointment_feed (location_id, seq);
    `,
  },
  {
    version: 17,
    summary: 'the location hub keeps what each kiosk counted on its own (invitation visits, feedback) per day, newest report only, and the last day each kiosk has closed',
    sql: `
      CREATE TABLE hub_kiosk_counts (
        kiosk TEXT NOT NULL,
        install TEXT NOT NULL,
        day TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        received_at TEXT NOT NULL,
        PRIMARY KEY (kiosk, install, day)
      ) STRICT;
      CREATE INDEX hub_kiosk_counts_of_day ON hub_kiosk_counts (day);
      ALTER TABLE hub_kiosks ADD COLUMN counts_through TEXT;
    `,
  },
  {
    version: 18,
    summary: 'a ticket taken from the self-scan\'s result carries its strongest interest areas (letters only) for the desk\'s queue',
    sql: `
      ALTER TABLE tickets ADD COLUMN scan_areas TEXT NOT NULL DEFAULT '' CHECK (scan_areas GLOB '' OR (length(scan_areas) <= 3 AND scan_areas NOT GLOB '*[^RIASEC]*'));
    `,
  },
  {
    version: 19,
    summary: 'the central API\'s per-slot caps of a hub\'s allowance: where the shop\'s own bookings leave outposts less than the share',
    sql: `
      CREATE TABLE appointment_allowance_caps (
        location_id TEXT NOT NULL,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        places INTEGER NOT NULL CHECK (places >= 0),
        PRIMARY KEY (location_id, start_at, end_at)
      ) STRICT;
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
