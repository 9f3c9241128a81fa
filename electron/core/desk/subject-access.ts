import type { Database } from 'better-sqlite3';
import type { SubjectRecord } from '../../../shared/contract/desk-channels';
import type { HubErasures } from '../hub/hub-erasures';
import { appendAudit } from '../outbox/audit';
import { scrubWal } from '../store/scrub';
import type { createRequestDesk } from './request-desk';

/**
 * Subject access at the desk: show, export and erase what this device holds about one request.
 * Every look is audited with who looked. Erasing removes the contact details and the BSN from the
 * request and the sealed payloads of its unsent outbox rows; a request not yet at the central API
 * is withdrawn so nothing personal leaves the device after the visitor asked for erasure. A request
 * that came from a kiosk through the hub gets an erase order for that kiosk (hub-erasures.ts), and
 * is reported erased only once the kiosk confirmed it.
 */
export function createSubjectAccess(db: Database, requests: ReturnType<typeof createRequestDesk>, now: () => Date, erasures: HubErasures) {
  const trail = db.prepare<[string], { at: string; action: string }>("SELECT at, action FROM audit WHERE aggregate_type = 'voucher-request' AND aggregate_id = ? ORDER BY id");
  const sent = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM outbox WHERE aggregate_id = ? AND kind = 'voucher-request.submit' AND status = 'acked'");
  const erasedAt = db.prepare<[string], { purged_at: string | null }>('SELECT purged_at FROM voucher_requests WHERE id = ?');

  // Subject access audits its own purpose (viewed, exported, printed, erased); an extra "opened"
  // row per look would clutter the trail the visitor is shown.
  const record = (reference: string): SubjectRecord => {
    const request = requests.lookup(reference);
    const kioskCopy = erasures.kioskCopy(request.id);
    const erasedHere = request.contact === null && request.identity?.bsnMasked == null && erasedAt.get(request.id)?.purged_at != null;
    return {
      request,
      sentToCentral: (sent.get(request.id)?.n ?? 0) > 0,
      kioskCopy,
      personalDataErased: erasedHere && (kioskCopy === null || kioskCopy.erasedAt !== null),
      trail: trail.all(request.id),
    };
  };

  const erase = db.transaction((reference: string, reason: string, staffId: string, at: Date): void => {
    const { id } = requests.lookup(reference);
    const wasSent = (sent.get(id)?.n ?? 0) > 0;
    db.prepare(
      `UPDATE voucher_requests SET contact = NULL, bsn = NULL, purged_at = coalesce(purged_at, ?),
         status = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN 'cancelled' ELSE status END,
         cancelled_at = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN ? ELSE cancelled_at END,
         cancel_reason = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN ? ELSE cancel_reason END
       WHERE id = ?`,
    ).run(at.toISOString(), at.toISOString(), reason, id);
    const withdrawn = db.prepare("DELETE FROM outbox WHERE aggregate_id = ? AND status IN ('pending', 'needs_attention')").run(id).changes;
    db.prepare("UPDATE outbox SET payload = NULL WHERE aggregate_id = ?").run(id);
    const kiosk = erasures.orderErase(id, reference, at);
    appendAudit(db, at, { action: 'privacy.erased', aggregateType: 'voucher-request', aggregateId: id, detail: { reference, by: staffId, wasSent, withdrawn, kiosk } });
  });

  return {
    find(reference: string, staffId: string): SubjectRecord {
      const found = record(reference);
      appendAudit(db, now(), { action: 'privacy.viewed', aggregateType: 'voucher-request', aggregateId: found.request.id, detail: { reference, by: staffId } });
      return found;
    },
    export(reference: string, staffId: string): { fileName: string; json: string } {
      const found = record(reference);
      appendAudit(db, now(), { action: 'privacy.exported', aggregateType: 'voucher-request', aggregateId: found.request.id, detail: { reference, by: staffId } });
      return { fileName: `loopbaanwinkel-gegevens-${reference}.json`, json: JSON.stringify({ exportedAt: now().toISOString(), ...found }, null, 2) };
    },
    /** What the printout shows is what this returns: the audit row says it left the building on paper. */
    print(reference: string, staffId: string): SubjectRecord {
      const found = record(reference);
      appendAudit(db, now(), { action: 'privacy.printed', aggregateType: 'voucher-request', aggregateId: found.request.id, detail: { reference, by: staffId } });
      return found;
    },
    erase(reference: string, reason: string, staffId: string): SubjectRecord {
      erase.immediate(reference, reason, staffId, now());
      scrubWal(db);
      return record(reference);
    },
  };
}
