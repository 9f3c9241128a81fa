import type { Database } from 'better-sqlite3';

/** Scalars only, like the logger: a caller cannot hand the audit log a whole record with personal data in it. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  action: string;
  aggregateType: string;
  aggregateId: string;
  detail?: AuditDetail;
  /** When it happened, if not now (an auto-lock noticed after the fact). */
  at?: Date;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

/** Appends to the store's audit table; called inside the caller's transaction when there is one. */
export function createAuditLog(db: Database, now: () => number = Date.now): AuditLog {
  const insert = db.prepare('INSERT INTO audit (at, action, aggregate_type, aggregate_id, detail) VALUES (?, ?, ?, ?, ?)');
  return {
    record: (entry) => {
      insert.run(
        (entry.at ?? new Date(now())).toISOString(),
        entry.action,
        entry.aggregateType,
        entry.aggregateId,
        entry.detail ? JSON.stringify(entry.detail) : null,
      );
    },
  };
}
