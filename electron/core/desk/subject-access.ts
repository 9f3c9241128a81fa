import type { Database } from 'better-sqlite3';
import type { SubjectRecord } from '../../../shared/contract/desk-channels';
import type { HubErasures } from '../hub/hub-erasures';
import { appendAudit, auditTrail } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import { requestRepo } from '../requests/request-repo';
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
export function createSubjectAccess(db: Database, outbox: Outbox, requests: ReturnType<typeof createRequestDesk>, now: () => Date, erasures: HubErasures) {
  const stored = requestRepo(db);
  const sent = (id: string): boolean => outbox.wasAcked(id, 'voucher-request.submit');

  // Subject access audits its own purpose (viewed, exported, printed, erased); an extra "opened"
  // row per look would clutter the trail the visitor is shown.
  const record = (reference: string): SubjectRecord => {
    const request = requests.lookup(reference);
    const kioskCopy = erasures.kioskCopy(request.id);
    const erasedHere = request.contact === null && request.identity?.bsnMasked == null && stored.purgedAt(request.id) !== null;
    return {
      request,
      sentToCentral: sent(request.id),
      kioskCopy,
      personalDataErased: erasedHere && (kioskCopy === null || kioskCopy.erasedAt !== null),
      trail: auditTrail(db, 'voucher-request', request.id),
    };
  };

  const erase = db.transaction((reference: string, reason: string, staffId: string, at: Date): void => {
    const { id } = requests.lookup(reference);
    const wasSent = sent(id);
    stored.erasePersonalData(id, reason, at);
    const withdrawn = outbox.withdrawUnsent(id);
    outbox.forgetPayloads(id);
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
