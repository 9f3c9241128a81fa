import type { Database } from 'better-sqlite3';
import { VoucherRequestSubmission } from '../../../shared/central-api/voucher-requests';
import { HubTicketRecord, type HubAck, type HubMessage } from '../../../shared/hub/hub-message';
import type { FieldCipher } from '../crypto/field-cipher';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import { requestRepo } from '../requests/request-repo';
import { contactContext } from '../requests/voucher-requests';
import { ticketRepo } from '../tickets/ticket-repo';
import type { HubKiosks } from './hub-kiosks';

export class HubRejection extends Error {
  override name = 'HubRejection';
}

/**
 * The hub's side of a kiosk message: the ticket or request lands in the hub's own tables (so the
 * desk sees it at once) and in the hub's outbox for the central API, under the kiosk's
 * idempotency key, all in one transaction, together with the kiosk's last contact. A message seen
 * before is acknowledged again and not stored twice, so the kiosk may resend as often as its
 * network makes it.
 */
export function createHubIngest(deps: { db: Database; cipher: FieldCipher; outbox: Outbox; kiosks: HubKiosks; locationId: string; now: () => Date }) {
  const { db, cipher, outbox, kiosks } = deps;
  const tickets = ticketRepo(db);
  const requests = requestRepo(db);

  const claimedLocation = (claimed: string): void => {
    if (claimed !== deps.locationId) throw new HubRejection(`the message claims location ${claimed}, but this hub serves ${deps.locationId}`);
  };

  /**
   * `from` is the kiosk's entry in the hub's list (`<location>/<prefix>`), which the server looked
   * up for the enrolled installation: what the message body claims is checked against it.
   */
  const ingest = db.transaction((message: HubMessage, from: string, appVersion: string | null, now: Date): HubAck => {
    if (outbox.knows(message.idempotencyKey)) {
      kiosks.noteMessage(from, appVersion, false, now);
      return { acked: true, duplicate: true };
    }
    const prefix = from.slice(from.lastIndexOf('/') + 1);
    let body = message.body;
    let renumbered: string | undefined;
    if (message.kind === 'ticket.record') {
      const ticket = HubTicketRecord.safeParse(message.body);
      if (!ticket.success) throw new HubRejection('the ticket does not match the contract');
      const { scanAreas, ...t } = ticket.data;
      body = t;
      claimedLocation(t.locationId);
      if (!new RegExp(`^${prefix}[0-9]+$`).test(t.number)) throw new HubRejection(`ticket ${t.number} is not of this kiosk's enrolled ticket letter ${prefix}`);
      let number = t.number;
      // Taken already (a replaced kiosk that could not ask for its numbering): the visitor still
      // joins the queue, under the next free number of the letter, and the kiosk is told which.
      if (tickets.numberTaken(t.serviceDay, t.number)) {
        number = `${prefix}${String(kiosks.lastSeq(prefix, t.serviceDay) + 1).padStart(3, '0')}`;
        body = { ...t, number };
        renumbered = number;
        appendAudit(db, now, { action: 'hub.ticket-renumbered', aggregateType: 'ticket', aggregateId: message.aggregateId, detail: { printed: t.number, number, from } });
      }
      tickets.insertTaken({ id: message.aggregateId, number, topic: t.topic, serviceDay: t.serviceDay, seq: Number(number.slice(prefix.length)), createdAt: t.takenAt, scanAreas });
      appendAudit(db, now, { action: 'hub.ticket-received', aggregateType: 'ticket', aggregateId: message.aggregateId, detail: { number, topic: t.topic, from } });
    } else {
      const request = VoucherRequestSubmission.safeParse(message.body);
      if (!request.success) throw new HubRejection('the voucher request does not match the contract');
      const r = request.data;
      claimedLocation(r.locationId);
      if (requests.referenceOrIdTaken(r.reference, message.aggregateId)) throw new HubRejection(`a request with reference ${r.reference} already exists`);
      requests.insertStarted({
        id: message.aggregateId,
        reference: r.reference,
        trajectory: r.trajectory,
        providerId: r.providerId ?? null,
        sealedContact: cipher.seal(JSON.stringify(r.contact), contactContext(message.aggregateId)),
        consentPurpose: r.consent.purpose,
        consentAt: r.consent.at,
        eligibility: JSON.stringify(r.eligibility),
        language: r.language,
        createdAt: r.startedAt,
        origin: r.origin,
      });
      appendAudit(db, now, { action: 'hub.voucher-request-received', aggregateType: 'voucher-request', aggregateId: message.aggregateId, detail: { reference: r.reference, from } });
    }
    const aggregateType = message.kind === 'ticket.record' ? 'ticket' : 'voucher-request';
    outbox.enqueue({ aggregateType, aggregateId: message.aggregateId, kind: message.kind, reference: renumbered ?? message.reference, body }, now, message.idempotencyKey);
    kiosks.noteMessage(from, appVersion, true, now);
    return renumbered === undefined ? { acked: true, duplicate: false } : { acked: true, duplicate: false, number: renumbered };
  });

  return { ingest: (message: HubMessage, from: string, appVersion: string | null = null) => ingest.immediate(message, from, appVersion, deps.now()) };
}
