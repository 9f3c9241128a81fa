import type { Database } from 'better-sqlite3';
import { VoucherRequestCompletion } from '../../../shared/central-api/voucher-requests';
import { RequestOrigin, type CompletedRequest, type RequestDetail } from '../../../shared/contract/desk-channels';
import { LanguageCode } from '../../../shared/contract/languages';
import { ContactDetails, EligibilitySnapshot } from '../../../shared/contract/requests-channels';
import { maskBsn } from '../../../shared/identity/bsn';
import type { IdDocumentType } from '../../../shared/identity/id-document';
import type { FieldCipher } from '../crypto/field-cipher';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import { requestRepo, type RequestRow } from '../requests/request-repo';
import { contactContext } from '../requests/voucher-requests';

export const bsnContext = (id: string): string => `voucher_requests.bsn:${id}`;

export interface RequestDeskDeps {
  db: Database;
  cipher: FieldCipher;
  outbox: Outbox;
  locationId: string;
  now: () => Date;
  /** Stores the final receipt in the completion's transaction; absent when the device has no database for printing. */
  receipts?: ReceiptWriter;
}

/**
 * Completing a request at the counter. The BSN is sealed with the store's field cipher (bound to
 * its row) and travels to the central API only inside the sealed outbox payload; once the central
 * API acknowledges the completion it is removed from the row (`purgeBsn`). Staff see it masked.
 */
export function createRequestDesk(deps: RequestDeskDeps) {
  const { db, cipher, outbox } = deps;
  const requests = requestRepo(db);

  const detail = (row: RequestRow): RequestDetail => {
    const status = row.cancelled_at ? 'cancelled' : row.completed_at ? 'completed' : 'started';
    return {
      id: row.id,
      reference: row.reference,
      status,
      origin: RequestOrigin.parse(row.origin),
      trajectory: row.trajectory,
      providerId: row.provider_id,
      language: row.language,
      createdAt: row.created_at,
      contact: row.contact === null ? null : ContactDetails.parse(JSON.parse(cipher.open(row.contact, contactContext(row.id)))),
      eligibility: EligibilitySnapshot.parse(JSON.parse(row.eligibility)),
      identity: row.identity_document && {
        document: row.identity_document,
        bsnMasked: row.bsn === null ? null : maskBsn(cipher.open(row.bsn, bsnContext(row.id))),
      },
      completedAt: row.completed_at,
      cancelledAt: row.cancelled_at,
      cancelReason: row.cancel_reason,
    };
  };

  const find = (reference: string): RequestRow => {
    const row = requests.byReference(reference);
    if (!row) throw new CoreError('not_found', `There is no request with reference ${reference} on this device.`);
    return row;
  };

  const open = (reference: string): RequestRow => {
    const row = find(reference);
    if (row.cancelled_at) throw new CoreError('conflict', `Request ${reference} was cancelled.`);
    if (row.completed_at) throw new CoreError('conflict', `Request ${reference} is already completed.`);
    return row;
  };

  const complete = db.transaction((reference: string, document: IdDocumentType, bsn: string, staffId: string, at: Date): CompletedRequest => {
    const row = open(reference);
    const completedAt = at.toISOString();
    const sealed = cipher.seal(bsn, bsnContext(row.id));
    requests.markCompleted(row.id, document, sealed, at);
    const body = VoucherRequestCompletion.parse({ reference, locationId: deps.locationId, identityDocument: document, bsn, completedAt });
    outbox.enqueue({ aggregateType: 'voucher-request', aggregateId: row.id, kind: 'voucher-request.complete', reference, body }, at);
    // The paper carries what the voucher receipt did: the reference, never the BSN or a name.
    const printJobId =
      deps.receipts?.voucherCompleted({
        reference,
        trajectory: row.trajectory,
        providerId: row.provider_id,
        language: LanguageCode.parse(row.language),
        completedAt,
      }) ?? null;
    appendAudit(db, at, { action: 'voucher-request.completed', aggregateType: 'voucher-request', aggregateId: row.id, detail: { reference, identityDocument: document, by: staffId } });
    return { ...detail({ ...row, identity_document: document, bsn: sealed, completed_at: completedAt }), printJobId };
  });

  const cancel = db.transaction((reference: string, reason: string, staffId: string, at: Date): RequestDetail => {
    const row = open(reference);
    requests.markCancelled(row.id, reason, at);
    appendAudit(db, at, { action: 'voucher-request.cancelled', aggregateType: 'voucher-request', aggregateId: row.id, detail: { reference, by: staffId } });
    return detail({ ...row, cancelled_at: at.toISOString(), cancel_reason: reason });
  });

  return {
    find: (reference: string, staffId: string): RequestDetail => {
      const row = find(reference);
      appendAudit(db, deps.now(), { action: 'voucher-request.opened', aggregateType: 'voucher-request', aggregateId: row.id, detail: { reference, by: staffId } });
      return detail(row);
    },
    /** The same record without an "opened" audit row: for callers that audit their own purpose (subject access). */
    lookup: (reference: string): RequestDetail => detail(find(reference)),
    complete: (reference: string, document: IdDocumentType, bsn: string, staffId: string): CompletedRequest => {
      const done = complete.immediate(reference, document, bsn, staffId, deps.now());
      deps.receipts?.committed();
      return done;
    },
    /** The request as staff see it, without an "opened" audit row: for the desk that just stored it. */
    view: (reference: string): RequestDetail => detail(find(reference)),
    cancel: (reference: string, reason: string, staffId: string) => cancel.immediate(reference, reason, staffId, deps.now()),
  };
}

/** The central API has the BSN: the device no longer keeps it. */
export function purgeBsn(db: Database, id: string, at: Date): void {
  db.transaction(() => {
    if (requestRepo(db).dropBsn(id)) appendAudit(db, at, { action: 'voucher-request.bsn-purged', aggregateType: 'voucher-request', aggregateId: id });
  })();
}
