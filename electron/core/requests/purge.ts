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

/**
 * A kiosk carries out the hub's erase order for a request the visitor had erased at the desk: its
 * contact details and every outbox payload of the request go, and a row still waiting for the hub
 * is withdrawn (the hub already has the request, or it would not order its erasure). The file is
 * then scrubbed. A request this kiosk never held, or erased before, is simply confirmed again.
 */
export function eraseOrderedCopies(db: Database, orders: readonly { requestId: string; reference: string }[], at: Date): string[] {
  db.transaction(() => {
    const held = db.prepare('SELECT 1 FROM voucher_requests WHERE id = ? AND reference = ?');
    const erase = db.prepare('UPDATE voucher_requests SET contact = NULL, purged_at = coalesce(purged_at, ?) WHERE id = ? AND contact IS NOT NULL');
    for (const { requestId, reference } of orders) {
      // An order names the request twice (id and reference): a mistaken id alone erases nothing.
      if (!held.get(requestId, reference)) continue;
      const erased = erase.run(at.toISOString(), requestId).changes;
      const withdrawn = db.prepare("DELETE FROM outbox WHERE aggregate_id = ? AND status IN ('pending', 'needs_attention')").run(requestId).changes;
      const payloads = db.prepare('UPDATE outbox SET payload = NULL WHERE aggregate_id = ? AND payload IS NOT NULL').run(requestId).changes;
      if (erased + withdrawn + payloads > 0) appendAudit(db, at, { action: 'privacy.erased-by-hub-order', aggregateType: 'voucher-request', aggregateId: requestId, detail: { reference, withdrawn } });
    }
  }).immediate();
  scrubWal(db);
  return orders.map((o) => o.requestId);
}
