import type { Database } from 'better-sqlite3';
import { perDatabase } from '../store/per-database';

export interface AuditEntry {
  action: string;
  aggregateType: string;
  aggregateId: string;
  /** Scalars only, and never personal data: the audit log outlives the purge. */
  detail?: Record<string, string | number | boolean | null>;
}

// One set of prepared statements per connection: audit rows are written on every commit of the hot paths.
const auditRepo = perDatabase((db: Database) => ({
  insert: db.prepare('INSERT INTO audit (at, action, aggregate_type, aggregate_id, detail) VALUES (?, ?, ?, ?, ?)'),
  trail: db.prepare<[string, string], { at: string; action: string }>('SELECT at, action FROM audit WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY id'),
  firstDetail: db.prepare<[string, string, string, string], string | null>(
    'SELECT json_extract(detail, ?) FROM audit WHERE action = ? AND aggregate_type = ? AND aggregate_id = ? ORDER BY id LIMIT 1',
  ).pluck(),
}));

/** Appends one audit row; call it inside the transaction that makes the change it records. */
export function appendAudit(db: Database, at: Date, entry: AuditEntry): void {
  auditRepo(db).insert.run(
    at.toISOString(),
    entry.action,
    entry.aggregateType,
    entry.aggregateId,
    entry.detail ? JSON.stringify(entry.detail) : null,
  );
}

/** What happened to one aggregate, oldest first: when and which action, never the detail. */
export function auditTrail(db: Database, aggregateType: string, aggregateId: string): { at: string; action: string }[] {
  return auditRepo(db).trail.all(aggregateType, aggregateId);
}

/** One scalar field of the detail of the first row of an action on an aggregate; null when there is none. */
export function firstAuditDetail(db: Database, action: string, aggregate: { type: string; id: string }, field: string): string | null {
  return auditRepo(db).firstDetail.get(`$.${field}`, action, aggregate.type, aggregate.id) ?? null;
}
