import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { QueueTicketRecord } from '../../../shared/central-api/voucher-requests';
import type { QueueNow, TicketTakeResult } from '../../../shared/contract/requests-channels';
import { HubTicketRecord } from '../../../shared/hub/hub-message';
import type { ScanAreas } from '../../../shared/self-scan/riasec';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import type { LanguageCode } from '../../../shared/contract/languages';
import { serviceDay } from '../requests/service-day';
import { ticketRepo } from './ticket-repo';

export interface TicketDeps {
  db: Database;
  outbox: Outbox;
  config: Pick<DeviceConfig, 'location' | 'ticketPrefix' | 'defaultLanguage'>;
  now: () => Date;
  /** Stores the ticket's print job in the same transaction; absent on a device without printing. */
  receipts?: ReceiptWriter;
  /**
   * Minutes until a ticket taken now is called, or null when this device has no basis to say.
   * `takenHereSince` counts this device's tickets after a moment: ones the hub may not have seen yet.
   */
  queueAt?: (at: Date, takenHereSince: (since: Date) => number) => QueueNow;
  /** The seq this device numbers after on a day at least (a kiosk: what its hub confirmed; see hub-numbering.ts); 0 without it. */
  numberFloor?: (day: string) => number;
  /** The outbox sends to a location hub, which takes a ticket's self-scan areas along (the central API's record has none). */
  toHub?: boolean;
}

/**
 * Queue tickets: "<prefix><counter>", the counter restarting every service day. The prefix is the
 * device's own (config ticketPrefix), so two kiosks of one location never hand out the same number
 * even when they cannot see each other; a kiosk's counter never goes below what its hub confirmed,
 * so a replaced kiosk continues after its predecessor's numbers.
 */
/** A ticket number has at most four digits (the central API's QueueTicketRecord, the printed ticket). */
export const lastTicketSeq = 9999;

export function createTickets(deps: TicketDeps) {
  const { db, outbox } = deps;
  const prefix = deps.config.ticketPrefix;
  const stored = ticketRepo(db);
  const queueAt = (now: Date): QueueNow => deps.queueAt?.(now, (since) => stored.takenSince(serviceDay(now), since)) ?? null;

  const take = db.transaction((topic: string, language: LanguageCode, scanAreas: ScanAreas | undefined, now: Date): TicketTakeResult => {
    const day = serviceDay(now);
    const seq = Math.max(stored.lastSeq(day), deps.numberFloor?.(day) ?? 0) + 1;
    // A five-digit number would fail the contract after the ticket was half made (a 500 for the visitor).
    if (seq > lastTicketSeq) throw new CoreError('unavailable', "This device has given out all of today's queue numbers: nothing was stored. Ask staff for help.");
    const number = `${prefix}${String(seq).padStart(3, '0')}`;
    const id = uuidv7();
    const createdAt = now.toISOString();
    // Estimated before the new ticket is stored: it waits behind the others, not behind itself.
    const expectedWaitMinutes = queueAt(now)?.expectedWaitMinutes ?? null;
    stored.insertTaken({ id, number, topic, serviceDay: day, seq, createdAt, scanAreas });
    const record = QueueTicketRecord.parse({ number, topic, locationId: deps.config.location.id, serviceDay: day, takenAt: createdAt });
    const body = deps.toHub && scanAreas ? HubTicketRecord.parse({ ...record, scanAreas }) : record;
    outbox.enqueue({ aggregateType: 'ticket', aggregateId: id, kind: 'ticket.record', reference: number, body }, now);
    appendAudit(db, now, { action: 'ticket.taken', aggregateType: 'ticket', aggregateId: id, detail: { number, topic } });
    const printJobId = deps.receipts?.ticketTaken({ number, topic, expectedWaitMinutes, language, createdAt }) ?? null;
    return { number, topic, expectedWaitMinutes, createdAt, printJobId };
  });

  return {
    take: (topic: string, language: LanguageCode = deps.config.defaultLanguage, scanAreas?: ScanAreas): TicketTakeResult => take.immediate(topic, language, scanAreas, deps.now()),
    /** The queue as a ticket taken now would meet it. */
    queueNow: (): QueueNow => queueAt(deps.now()),
  };
}

export type Tickets = ReturnType<typeof createTickets>;
