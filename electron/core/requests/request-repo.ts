import type { Database } from 'better-sqlite3';
import type { RequestDetail } from '../../../shared/contract/desk-channels';
import type { IdDocumentType } from '../../../shared/identity/id-document';
import { perDatabase } from '../store/per-database';

/** A voucher request as it is stored; `contact` and `bsn` are sealed with the store's field cipher. */
export interface RequestRow {
  id: string;
  reference: string;
  status: string;
  origin: string;
  trajectory: RequestDetail['trajectory'];
  provider_id: string | null;
  language: string;
  created_at: string;
  contact: string | null;
  eligibility: string;
  identity_document: IdDocumentType | null;
  bsn: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

/** A request as it starts, at the kiosk, at the desk or received by the hub from a kiosk. */
export interface StartedRequest {
  id: string;
  reference: string;
  trajectory: string;
  providerId: string | null;
  sealedContact: string;
  consentPurpose: string;
  consentAt: string;
  /** The eligibility snapshot as JSON. */
  eligibility: string;
  language: string;
  createdAt: string;
  origin: string;
}

/** The columns statistics may read: none of them holds personal data. */
export interface AnonymousRequest {
  trajectory: string;
  language: string;
  origin: string;
  eligibility: string;
  completed_at: string | null;
  cancelled_at: string | null;
  created_at: string;
}

/**
 * The voucher_requests table: the only place its SQL is written. Every other folder reads and
 * changes requests through these functions, inside its own transaction where the change must be
 * atomic with its outbox message and audit row.
 */
export const requestRepo = perDatabase((db: Database) => {
  const referenceOrIdTaken = db.prepare<[string, string], 1>('SELECT 1 FROM voucher_requests WHERE reference = ? OR id = ?');
  const insert = db.prepare(
    `INSERT INTO voucher_requests (id, reference, trajectory, provider_id, contact, consent_purpose, consent_at, eligibility, language, status, created_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'started', ?, ?)`,
  );
  const byReference = db.prepare<[string], RequestRow>('SELECT * FROM voucher_requests WHERE reference = ?');
  const live = db.prepare<[string], 1>('SELECT 1 FROM voucher_requests WHERE id = ? AND cancelled_at IS NULL');
  const held = db.prepare<[string, string], 1>('SELECT 1 FROM voucher_requests WHERE id = ? AND reference = ?');
  const purgedAt = db.prepare<[string], { purged_at: string | null }>('SELECT purged_at FROM voucher_requests WHERE id = ?');
  const setContact = db.prepare<[string, string]>('UPDATE voucher_requests SET contact = ? WHERE id = ?');
  const complete = db.prepare<[IdDocumentType, string, string, string]>(
    `UPDATE voucher_requests SET identity_document = ?, bsn = ?, completed_at = ?, status = 'completed' WHERE id = ?`,
  );
  const cancel = db.prepare<[string, string, string]>(
    `UPDATE voucher_requests SET cancelled_at = ?, cancel_reason = ?, status = 'cancelled' WHERE id = ? AND cancelled_at IS NULL`,
  );
  const dropBsn = db.prepare<[string]>('UPDATE voucher_requests SET bsn = NULL WHERE id = ? AND bsn IS NOT NULL');
  const acked = db.prepare<[string, string]>('UPDATE voucher_requests SET acked_at = ? WHERE id = ? AND acked_at IS NULL');
  const duePurge = db.prepare<[string], { id: string; reference: string }>(
    'SELECT id, reference FROM voucher_requests WHERE purged_at IS NULL AND acked_at IS NOT NULL AND acked_at <= ?',
  );
  const purgeContact = db.prepare<[string, string]>('UPDATE voucher_requests SET contact = NULL, purged_at = ? WHERE id = ?');
  const eraseContact = db.prepare<[string, string]>(
    'UPDATE voucher_requests SET contact = NULL, purged_at = coalesce(purged_at, ?) WHERE id = ? AND contact IS NOT NULL',
  );
  const erasePersonal = db.prepare<[string, string, string, string]>(
    `UPDATE voucher_requests SET contact = NULL, bsn = NULL, purged_at = coalesce(purged_at, ?),
       status = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN 'cancelled' ELSE status END,
       cancelled_at = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN ? ELSE cancelled_at END,
       cancel_reason = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN ? ELSE cancel_reason END
     WHERE id = ?`,
  );
  const createdBetween = db.prepare<[string, string], AnonymousRequest>(
    'SELECT trajectory, language, origin, eligibility, completed_at, cancelled_at, created_at FROM voucher_requests WHERE created_at >= ? AND created_at < ?',
  );
  const createdSince = db.prepare<[string], string>('SELECT created_at FROM voucher_requests WHERE created_at >= ?').pluck();

  return {
    /** A kiosk's request the hub would store twice, under its reference or its id. */
    referenceOrIdTaken: (reference: string, id: string): boolean => referenceOrIdTaken.get(reference, id) !== undefined,
    insertStarted(r: StartedRequest): void {
      insert.run(r.id, r.reference, r.trajectory, r.providerId, r.sealedContact, r.consentPurpose, r.consentAt, r.eligibility, r.language, r.createdAt, r.origin);
    },
    byReference: (reference: string): RequestRow | undefined => byReference.get(reference),
    /** Not cancelled (by staff or by an erasure). */
    isLive: (id: string): boolean => live.get(id) !== undefined,
    /** An erase order names a request twice (id and reference): a mistaken id alone matches nothing. */
    holds: (id: string, reference: string): boolean => held.get(id, reference) !== undefined,
    purgedAt: (id: string): string | null => purgedAt.get(id)?.purged_at ?? null,
    replaceContact(id: string, sealedContact: string): void {
      setContact.run(sealedContact, id);
    },
    markCompleted(id: string, document: IdDocumentType, sealedBsn: string, completedAt: Date): void {
      complete.run(document, sealedBsn, completedAt.toISOString(), id);
    },
    /** A request cancelled before is left as it was cancelled. */
    markCancelled(id: string, reason: string, at: Date): void {
      cancel.run(at.toISOString(), reason, id);
    },
    /** Whether there was a BSN to remove. */
    dropBsn: (id: string): boolean => dropBsn.run(id).changes > 0,
    /** The first acknowledgement starts the retention period; a later one changes nothing. */
    markAcked(id: string, at: Date): void {
      acked.run(at.toISOString(), id);
    },
    ackedUnpurgedUntil: (cutoff: Date): { id: string; reference: string }[] => duePurge.all(cutoff.toISOString()),
    purgeContact(id: string, at: Date): void {
      purgeContact.run(at.toISOString(), id);
    },
    /** Whether there was a contact to erase; the first erasure's date stays. */
    eraseContact: (id: string, at: Date): boolean => eraseContact.run(at.toISOString(), id).changes > 0,
    /** Contact and BSN go; a request not yet completed or cancelled is cancelled with the reason. */
    erasePersonalData(id: string, reason: string, at: Date): void {
      erasePersonal.run(at.toISOString(), at.toISOString(), reason, id);
    },
    createdBetween: (from: Date, to: Date): AnonymousRequest[] => createdBetween.all(from.toISOString(), to.toISOString()),
    createdSince: (since: Date): string[] => createdSince.all(since.toISOString()),
  };
});

export type RequestRepo = ReturnType<typeof requestRepo>;
