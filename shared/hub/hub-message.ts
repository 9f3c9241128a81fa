import { z } from 'zod';
import { QueueTicketRecord } from '../central-api/voucher-requests';
import { ScanAreas } from '../self-scan/riasec';

/** A kiosk's outbox row, forwarded to its location hub (the counter) over the shop's LAN. */
export const HubMessage = z.strictObject({
  /** The kiosk's idempotency key; the hub keeps it for its own forward to the central API. */
  idempotencyKey: z.uuid(),
  kind: z.enum(['voucher-request.submit', 'ticket.record']),
  aggregateId: z.uuid(),
  reference: z.string().min(1).max(20),
  body: z.unknown(),
});
export type HubMessage = z.infer<typeof HubMessage>;

/**
 * A kiosk's ticket as it reaches its hub: the central API's anonymous record, and the self-scan's
 * areas for the desk's queue. The hub keeps the areas and forwards the record without them.
 */
export const HubTicketRecord = QueueTicketRecord.extend({ scanAreas: ScanAreas.optional() });
export type HubTicketRecord = z.infer<typeof HubTicketRecord>;

/** `number`: the hub took the ticket under another number than the kiosk gave it (that one was taken today). */
export const HubAck = z.object({ acked: z.literal(true), duplicate: z.boolean(), number: z.string().regex(/^[A-Z]{1,2}[0-9]{3,4}$/).optional() });
export type HubAck = z.infer<typeof HubAck>;
