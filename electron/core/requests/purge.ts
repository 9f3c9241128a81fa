import type { Database } from 'better-sqlite3';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import { scrubWal } from '../store/scrub';
import { requestRepo } from './request-repo';

/**
 * Removes personal data the device no longer needs: once the central API has acknowledged a
 * request and the retention has passed, its contact details and the sealed request body go; the
 * anonymous record (reference, trajectory, outcome, dates) stays for the counter and statistics.
 */
export function purgePersonalData(db: Database, outbox: Outbox, now: Date, retentionMs: number): number {
  const cutoff = new Date(now.getTime() - retentionMs);
  const purged = db.transaction(() => {
    const requests = requestRepo(db);
    const due = requests.ackedUnpurgedUntil(cutoff);
    for (const row of due) {
      requests.purgeContact(row.id, now);
      appendAudit(db, now, { action: 'voucher-request.personal-data-purged', aggregateType: 'voucher-request', aggregateId: row.id, detail: { reference: row.reference } });
    }
    const payloads = outbox.dropAckedPayloadsUntil(cutoff);
    return { requests: due.length, payloads };
  }).immediate();
  if (purged.requests + purged.payloads > 0) scrubWal(db);
  return purged.requests;
}

/** Stamps the acknowledgement on the request row, the start of its retention period. */
export function markVoucherAcked(db: Database, id: string, at: Date): void {
  requestRepo(db).markAcked(id, at);
}

/**
 * A kiosk carries out the hub's erase order for a request the visitor had erased at the desk: its
 * contact details and every outbox payload of the request go, and a row still waiting for the hub
 * is withdrawn (the hub already has the request, or it would not order its erasure). The file is
 * then scrubbed. A request this kiosk never held, or erased before, is simply confirmed again.
 */
export function eraseOrderedCopies(db: Database, outbox: Outbox, orders: readonly { requestId: string; reference: string }[], at: Date): string[] {
  db.transaction(() => {
    const requests = requestRepo(db);
    for (const { requestId, reference } of orders) {
      // An order names the request twice (id and reference): a mistaken id alone erases nothing.
      if (!requests.holds(requestId, reference)) continue;
      const erased = requests.eraseContact(requestId, at) ? 1 : 0;
      const withdrawn = outbox.withdrawUnsent(requestId);
      const payloads = outbox.forgetPayloads(requestId);
      if (erased + withdrawn + payloads > 0) appendAudit(db, at, { action: 'privacy.erased-by-hub-order', aggregateType: 'voucher-request', aggregateId: requestId, detail: { reference, withdrawn } });
    }
  }).immediate();
  scrubWal(db);
  return orders.map((o) => o.requestId);
}
