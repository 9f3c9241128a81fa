import type { Database } from 'better-sqlite3';
import { QueueTicketRecord, VoucherRequestSubmission } from '../../../shared/central-api/voucher-requests';
import type { HubAck, HubMessage } from '../../../shared/hub/hub-message';
import type { FieldCipher } from '../crypto/field-cipher';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import type { HubKiosks } from './hub-kiosks';
import { contactContext } from '../requests/voucher-requests';

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
  const known = db.prepare('SELECT 1 FROM outbox WHERE idempotency_key = ?');
  const insertTicket = db.prepare('INSERT INTO tickets (id, number, topic, service_day, seq, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const ticketTaken = db.prepare('SELECT 1 FROM tickets WHERE service_day = ? AND number = ?');
  const insertRequest = db.prepare(
    `INSERT INTO voucher_requests (id, reference, trajectory, provider_id, contact, consent_purpose, consent_at, eligibility, language, status, created_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'started', ?, ?)`,
  );
  const referenceTaken = db.prepare('SELECT 1 FROM voucher_requests WHERE reference = ? OR id = ?');

  const claimedLocation = (claimed: string): void => {
    if (claimed !== deps.locationId) throw new HubRejection(`the message claims location ${claimed}, but this hub serves ${deps.locationId}`);
  };

  /**
   * `from` is the kiosk's entry in the hub's list (`<location>/<prefix>`), which the server looked
   * up for the enrolled installation: what the message body claims is checked against it.
   */
  const ingest = db.transaction((message: HubMessage, from: string, appVersion: string | null, now: Date): HubAck => {
    if (known.get(message.idempotencyKey)) {
      kiosks.noteMessage(from, appVersion, false, now);
      return { acked: true, duplicate: true };
    }
    const prefix = from.slice(from.lastIndexOf('/') + 1);
    let body = message.body;
    let renumbered: string | undefined;
    if (message.kind === 'ticket.record') {
      const ticket = QueueTicketRecord.safeParse(message.body);
      if (!ticket.success) throw new HubRejection('the ticket does not match the contract');
      const t = ticket.data;
      claimedLocation(t.locationId);
      if (!new RegExp(`^${prefix}[0-9]+$`).test(t.number)) throw new HubRejection(`ticket ${t.number} is not of this kiosk's enrolled ticket letter ${prefix}`);
      let number = t.number;
      // Taken already (a replaced kiosk that could not ask for its numbering): the visitor still
      // joins the queue, under the next free number of the letter, and the kiosk is told which.
      if (ticketTaken.get(t.serviceDay, t.number)) {
        number = `${prefix}${String(kiosks.lastSeq(prefix, t.serviceDay) + 1).padStart(3, '0')}`;
        body = { ...t, number };
        renumbered = number;
        appendAudit(db, now, { action: 'hub.ticket-renumbered', aggregateType: 'ticket', aggregateId: message.aggregateId, detail: { printed: t.number, number, from } });
      }
      insertTicket.run(message.aggregateId, number, t.topic, t.serviceDay, Number(number.slice(prefix.length)), t.takenAt);
      appendAudit(db, now, { action: 'hub.ticket-received', aggregateType: 'ticket', aggregateId: message.aggregateId, detail: { number, topic: t.topic, from } });
    } else {
      const request = VoucherRequestSubmission.safeParse(message.body);
      if (!request.success) throw new HubRejection('the voucher request does not match the contract');
      const r = request.data;
      claimedLocation(r.locationId);
      if (referenceTaken.get(r.reference, message.aggregateId)) throw new HubRejection(`a request with reference ${r.reference} already exists`);
      insertRequest.run(
        message.aggregateId,
        r.reference,
        r.trajectory,
        r.providerId ?? null,
        cipher.seal(JSON.stringify(r.contact), contactContext(message.aggregateId)),
        r.consent.purpose,
        r.consent.at,
        JSON.stringify(r.eligibility),
        r.language,
        r.startedAt,
        r.origin,
      );
      appendAudit(db, now, { action: 'hub.voucher-request-received', aggregateType: 'voucher-request', aggregateId: message.aggregateId, detail: { reference: r.reference, from } });
    }
    const aggregateType = message.kind === 'ticket.record' ? 'ticket' : 'voucher-request';
    outbox.enqueue({ aggregateType, aggregateId: message.aggregateId, kind: message.kind, reference: renumbered ?? message.reference, body }, now, message.idempotencyKey);
    kiosks.noteMessage(from, appVersion, true, now);
    return renumbered === undefined ? { acked: true, duplicate: false } : { acked: true, duplicate: false, number: renumbered };
  });

  return { ingest: (message: HubMessage, from: string, appVersion: string | null = null) => ingest.immediate(message, from, appVersion, deps.now()) };
}
