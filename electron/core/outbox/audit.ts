import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  action: string;
  aggregateType: string;
  aggregateId: string;
  /** Scalars only, and never personal data: the audit log outlives the purge. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends one audit row; call it inside the transaction that makes the change it records. */
export function appendAudit(db: Database, at: Date, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit (at, action, aggregate_type, aggregate_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    at.toISOString(),
    entry.action,
    entry.aggregateType,
    entry.aggregateId,
    entry.detail ? JSON.stringify(entry.detail) : null,
  );
}
