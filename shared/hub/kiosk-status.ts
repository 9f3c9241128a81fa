import { z } from 'zod';
import { PrinterStatusSchema } from '../printing/printer-status';

/** How often a kiosk tells its hub how it is doing; a printer that changes state reports at once. */
export const kioskHeartbeatEveryMs = 30_000;

/** No word from a kiosk for three heartbeats: it is off, hung, or cut off from the shop's LAN. */
export const kioskSilentAfterMs = 3 * kioskHeartbeatEveryMs;

/** A kiosk's outbox towards its hub. */
export const KioskQueue = z.strictObject({
  /** Rows still to be delivered to the hub (waiting or being sent). */
  pending: z.number().int().min(0),
  /** Rows the hub refused (e.g. a ticket number taken twice): only a person can fix these. */
  needsAttention: z.number().int().min(0),
  /** When the oldest undelivered row was written on the kiosk; null when nothing waits. */
  oldestPendingAt: z.iso.datetime().nullable(),
});
export type KioskQueue = z.infer<typeof KioskQueue>;

/** The queue as a kiosk reports it: with the age of its oldest undelivered row, which needs no agreement between the two clocks. */
export const KioskQueueReport = z.strictObject({
  ...KioskQueue.shape,
  /** How long that row had waited when the report was made, in whole seconds by the kiosk's clock; null when nothing waits. */
  oldestPendingAgeSeconds: z.number().int().min(0).nullable(),
});

/**
 * POST /hub/v1/status: a kiosk's state for the counter's sync view. State, not a message: it
 * never goes through the outbox, and a newer report simply replaces the older one. No personal data.
 */
export const KioskStatusReport = z.strictObject({
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'expected a version such as "1.4.0"'),
  printer: z.strictObject(PrinterStatusSchema.shape),
  queue: KioskQueueReport,
});
export type KioskStatusReport = z.infer<typeof KioskStatusReport>;

/** How the desk is keeping pace: the hub's answer to a status report, so the kiosk can tell a visitor how long they will wait. */
export const QueuePace = z.strictObject({
  waiting: z.number().int().min(0),
  /** Minutes between two calls at the desk lately; null while there is no basis for it. */
  minutesPerTicket: z.number().positive().max(600).nullable(),
});
export type QueuePace = z.infer<typeof QueuePace>;

/** The desk erased a visitor's data on their request: the kiosk the request came from erases its copy too. */
export const EraseOrder = z.strictObject({ requestId: z.string().min(1).max(100), reference: z.string().min(1).max(40) });
export type EraseOrder = z.infer<typeof EraseOrder>;

/** Without `pace` (an older hub) the kiosk simply tells no waiting time; `erase` lists the erase orders still open for this kiosk. */
export const KioskStatusAck = z.object({ stored: z.literal(true), pace: QueuePace.optional(), erase: z.array(EraseOrder).max(500).optional() });

/** POST /hub/v1/erasures: the requests whose copies the kiosk no longer holds (erased now, or never held). */
export const KioskErasures = z.strictObject({ erased: z.array(z.string().min(1).max(100)).min(1).max(500) });
export type KioskErasures = z.infer<typeof KioskErasures>;
