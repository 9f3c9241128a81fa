import { z } from 'zod';

/**
 * How a kiosk's link to its location hub is doing, as the kiosk itself last found it. Each state
 * names one thing a person can fix, so a kiosk that cannot deliver says why instead of only "queued".
 */
export const HubLinkState = z.enum([
  /** Nothing tried yet since start. */
  'unknown',
  'ok',
  /** The TLS handshake failed on the key: the kiosk's location key (or location id, which the key is derived with) differs from the counter's. */
  'wrong-key',
  /** The hub refused the kiosk's identity in the handshake: the kiosk's location id is not the counter's. */
  'wrong-location',
  /** The hub knows the key but has not enrolled this kiosk (new, or taking over another kiosk's ticket letter): a location manager approves it at the desk. */
  'not-enrolled',
  /** The hub refused what the kiosk sent (a ticket letter or location it is not enrolled for, or a malformed message). */
  'refused',
  /** No connection, no answer in time, or the hub answered with a server error. */
  'unreachable',
]);
export type HubLinkState = z.infer<typeof HubLinkState>;

export const HubLink = z.strictObject({
  state: HubLinkState,
  /** The reason in words for staff and IT; never personal data. */
  reason: z.string().max(300),
  /** Since when the link is in this state. */
  since: z.iso.datetime().nullable(),
  lastOkAt: z.iso.datetime().nullable(),
});
export type HubLink = z.infer<typeof HubLink>;

/**
 * GET /hub/v1/numbering?day=YYYY-MM-DD: the hub's record of the highest ticket number it has seen
 * that service day for the calling kiosk's enrolled prefix, so a replaced kiosk continues after it.
 */
export const HubNumbering = z.strictObject({
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  serviceDay: z.iso.date(),
  lastSeq: z.number().int().min(0),
});
export type HubNumbering = z.infer<typeof HubNumbering>;

/** Why the hub refuses a kiosk before reading its request (HTTP 403 `{ code, reason }`). */
export const HubRefusalCode = z.enum(['not-enrolled', 'prefix-taken', 'own-prefix']);
export type HubRefusalCode = z.infer<typeof HubRefusalCode>;
