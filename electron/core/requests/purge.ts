import type { Database } from 'better-sqlite3';
import { appendAudit } from '../outbox/audit';
import { scrubWal } from '../store/scrub';

/**
 * Removes personal data the device no longer needs: once the central API has acknowledged a
 * request and the retention has passed, its contact details and the sealed request body go; the
 * anonymous record (reference, trajectory, outcome, dates) stays for the counter and statistics.
 */
export function purgePersonalData(db: Database, now: Date, retentionMs: number): number {
  const cutoff = new Date(now.getTime() - retentionMs).toISOString();
  const purged = db.transaction(() => {
    const due = db.prepare('SELECT id, reference FROM voucher_requests WHERE purged_at IS NULL AND acked_at IS NOT NULL AND acked_at <= ?').all(cutoff) as { id: string; reference: string }[];
    const purge = db.prepare('UPDATE voucher_requests SET contact = NULL, purged_at = ? WHERE id = ?');
    for (const row of due) {
      purge.run(now.toISOString(), row.id);
      appendAudit(db, now, { action: 'voucher-request.personal-data-purged', aggregateType: 'voucher-request', aggregateId: row.id, detail: { reference: row.reference } });
    }
    const payloads = db.prepare(`UPDATE outbox SET payload = NULL WHERE status = 'acked' AND payload IS NOT NULL AND acked_at <= ?`).run(cutoff).changes;
    return { requests: due.length, payloads };
  }).immediate();
  if (purged.requests + purged.payloads > 0) scrubWal(db);
  return purged.requests;
}

/** Stamps the acknowledgement on the request row, the start of its retention period. */
export function markVoucherAcked(db: Database, id: string, at: Date): void {
  db.prepare('UPDATE voucher_requests SET acked_at = ? WHERE id = ? AND acked_at IS NULL').run(at.toISOString(), id);
}
