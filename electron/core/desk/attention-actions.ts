import type { Database } from 'better-sqlite3';
import { VoucherRequestSubmission } from '../../../shared/central-api/voucher-requests';
import type { ContactDetails } from '../../../shared/contract/requests-channels';
import type { FieldCipher } from '../crypto/field-cipher';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import { requestRepo } from '../requests/request-repo';
import { contactContext } from '../requests/voucher-requests';

export interface AttentionDeps {
  db: Database;
  cipher: FieldCipher;
  outbox: Outbox;
  now: () => Date;
}

/**
 * What staff do with a message the central API refused. Resending is a new domain step, not a
 * retry: the corrected request goes out as a NEW outbox message with a new idempotency key (the
 * API would answer the old key with its stored refusal), and the refused row is closed with a note.
 * What waited behind the refused message in its aggregate (a completion staff recorded meanwhile)
 * is re-issued after the corrected one, so the API gets the request first and then the completion;
 * a cancel closes it together with the refused message.
 */
export function createAttentionActions(deps: AttentionDeps) {
  const { db, cipher, outbox } = deps;
  const requests = requestRepo(db);

  const waiting = (outboxId: number) => {
    const message = outbox.needingAttention(outboxId);
    if (!message) throw new CoreError('conflict', `Message ${outboxId} does not need attention (any more).`);
    return message;
  };

  const resend = db.transaction((outboxId: number, contact: ContactDetails, staffId: string, at: Date): { outboxId: number; reference: string } => {
    const message = waiting(outboxId);
    if (message.kind !== 'voucher-request.submit') {
      throw new CoreError('conflict', `Only a refused voucher request can be edited and resent; this message is a ${message.kind}.`);
    }
    if (!message.payload.ok) {
      throw new CoreError('conflict', `Message ${outboxId} cannot be read on this device, so it cannot be edited and resent; cancel it and start request ${message.reference} again at the desk.`);
    }
    const requestId = message.aggregateId;
    if (!requests.isLive(requestId)) throw new CoreError('conflict', `Request ${message.reference} was cancelled or erased; it cannot be resent.`);
    const body = VoucherRequestSubmission.parse({ ...VoucherRequestSubmission.parse(message.payload.body), contact });
    requests.replaceContact(requestId, cipher.seal(JSON.stringify(contact), contactContext(requestId)));
    const sent = outbox.enqueue({ aggregateType: message.aggregateType, aggregateId: requestId, kind: message.kind, reference: message.reference, body }, at);
    outbox.close(outboxId, `edited by staff and resent as message ${sent.id}`, at);
    const reissued = outbox.reissueFollowers(outboxId, sent.id, at);
    appendAudit(db, at, {
      action: 'voucher-request.resent',
      aggregateType: message.aggregateType,
      aggregateId: requestId,
      detail: { reference: message.reference, refusedOutboxId: outboxId, outboxId: sent.id, reissued: reissued.length, by: staffId },
    });
    return { outboxId: sent.id, reference: message.reference };
  });

  const cancel = db.transaction((outboxId: number, reason: string, staffId: string, at: Date): { reference: string } => {
    const message = waiting(outboxId);
    outbox.closeFollowers(outboxId, `closed with message ${outboxId}, cancelled by staff`, at);
    outbox.close(outboxId, `cancelled by staff: ${reason}`, at);
    // A refused request that is cancelled is cancelled for the visitor too: nothing of it is sent.
    if (message.kind === 'voucher-request.submit') {
      requests.markCancelled(message.aggregateId, reason, at);
    }
    appendAudit(db, at, {
      action: 'outbox.cancelled',
      aggregateType: message.aggregateType,
      aggregateId: message.aggregateId,
      detail: { reference: message.reference, outboxId, kind: message.kind, by: staffId },
    });
    return { reference: message.reference };
  });

  return {
    resend: (outboxId: number, contact: ContactDetails, staffId: string) => resend.immediate(outboxId, contact, staffId, deps.now()),
    cancel: (outboxId: number, reason: string, staffId: string) => cancel.immediate(outboxId, reason, staffId, deps.now()),
  };
}
