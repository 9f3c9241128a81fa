import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { QueueTicketRecord } from '../../../shared/central-api/voucher-requests';
import type { TicketTakeResult } from '../../../shared/contract/requests-channels';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import type { LanguageCode } from '../../../shared/contract/languages';
import { serviceDay } from './service-day';

export interface TicketDeps {
  db: Database;
  outbox: Outbox;
  config: Pick<DeviceConfig, 'location' | 'ticketPrefix' | 'defaultLanguage'>;
  now: () => Date;
  /** Stores the ticket's print job in the same transaction; absent on a device without printing. */
  receipts?: ReceiptWriter;
}

/**
 * Queue tickets: "<prefix><counter>", the counter restarting every service day. The prefix is the
 * device's own (config ticketPrefix), so two kiosks of one location never hand out the same number
 * even when they cannot see each other.
 */
export function createTickets(deps: TicketDeps) {
  const { db, outbox } = deps;
  const prefix = deps.config.ticketPrefix;
  const lastSeq = db.prepare('SELECT max(seq) AS seq FROM tickets WHERE service_day = ?');
  const insert = db.prepare('INSERT INTO tickets (id, number, topic, service_day, seq, created_at) VALUES (?, ?, ?, ?, ?, ?)');

  const take = db.transaction((topic: string, language: LanguageCode, now: Date): TicketTakeResult => {
    const day = serviceDay(now);
    const seq = ((lastSeq.get(day) as { seq: number | null }).seq ?? 0) + 1;
    const number = `${prefix}${String(seq).padStart(3, '0')}`;
    const id = uuidv7();
    const createdAt = now.toISOString();
    insert.run(id, number, topic, day, seq, createdAt);
    const body = QueueTicketRecord.parse({ number, topic, locationId: deps.config.location.id, serviceDay: day, takenAt: createdAt });
    outbox.enqueue({ aggregateType: 'ticket', aggregateId: id, kind: 'ticket.record', reference: number, body }, now);
    appendAudit(db, now, { action: 'ticket.taken', aggregateType: 'ticket', aggregateId: id, detail: { number, topic } });
    // No estimate yet: this device does not see when tickets are served (the counter desk does).
    const printJobId = deps.receipts?.ticketTaken({ number, topic, expectedWaitMinutes: null, language, createdAt }) ?? null;
    return { number, topic, expectedWaitMinutes: null, createdAt, printJobId };
  });

  return {
    take: (topic: string, language: LanguageCode = deps.config.defaultLanguage): TicketTakeResult => take.immediate(topic, language, deps.now()),
  };
}

export type Tickets = ReturnType<typeof createTickets>;
