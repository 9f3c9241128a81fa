import { z } from 'zod';
import { HubLink } from '../hub/hub-link';
import { Slug } from '../validation/slug';
import { PublishedCount } from '../stats/suppression';
import { PrinterState, PrinterStatusSchema } from '../printing/printer-status';
import { UpdateStatusSchema } from '../updates/update-status';

const slug = Slug;

/** POST /v1/devices/enroll: IT types the one-time code shown in the fleet console; it works once. */
export const EnrollmentRequest = z.strictObject({
  enrollmentCode: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'expected a code such as "7KQ2-MX4D-9PTA"'),
  locationId: slug,
  role: z.enum(['kiosk', 'counter']),
  appVersion: z.string().min(1).max(40),
});
export type EnrollmentRequest = z.infer<typeof EnrollmentRequest>;

export const EnrollmentResponse = z.object({
  deviceId: z.uuid(),
  /** Sent as "Authorization: Bearer <token>" on every other call; kept encrypted on the device. */
  deviceToken: z.string().min(32).max(200),
  enrolledAt: z.iso.datetime(),
});
export type EnrollmentResponse = z.infer<typeof EnrollmentResponse>;

/** At most this many kiosks go into one counter's heartbeat: a shop has a handful, the bound keeps the body small. */
export const heartbeatKiosksMax = 20;

/** One kiosk as the counter's location hub knows it: enough for the fleet to alert on, nothing about visitors. */
export const HeartbeatKiosk = z.strictObject({
  /** `<location>/<ticketPrefix>`. */
  identity: z.string().min(1).max(120),
  /** Last contact by the hub's clock. */
  lastSeenAt: z.iso.datetime(),
  /** No contact for longer than three kiosk heartbeat intervals. */
  silent: z.boolean(),
  /** An installation is enrolled for this letter at the hub. */
  enrolled: z.boolean(),
  /** An installation calls for this letter and waits for a location manager's approval (new or replacement). */
  waitingForApproval: z.boolean(),
  /** Null until the kiosk sent a status report. */
  printer: z.strictObject({ state: PrinterState, paperLow: z.boolean() }).nullable(),
  /** The kiosk's outbox towards the hub; `oldestPendingAgeSeconds` as of this heartbeat. Null until the kiosk sent a status report. */
  queue: z.strictObject({ pending: z.number().int().min(0), needsAttention: z.number().int().min(0), oldestPendingAgeSeconds: z.number().int().min(0).nullable() }).nullable(),
});
export type HeartbeatKiosk = z.infer<typeof HeartbeatKiosk>;

/** POST /v1/devices/heartbeat: how the device is doing, for regional IT's fleet view. No personal data. */
export const Heartbeat = z.strictObject({
  appVersion: z.string().min(1).max(40),
  contentVersion: z.string().max(60).nullable(),
  health: z.enum(['ok', 'degraded', 'failing']),
  queueDepth: z.number().int().min(0),
  needsAttention: z.number().int().min(0),
  /** How long the oldest message still to be sent has waited, in whole seconds by the device's clock; null when nothing waits. */
  oldestPendingAgeSeconds: z.number().int().min(0).nullable(),
  /** The auto-updater as the counter sees it: phase, versions, channel, rollout position. */
  update: UpdateStatusSchema,
  printer: PrinterStatusSchema,
  /** Free space where the database and logs live; null where the OS cannot say. */
  diskFreeBytes: z.number().int().min(0).nullable(),
  /** A kiosk that sends to a location hub: whether the hub takes its messages, and if not, why; absent on other devices. */
  hubLink: HubLink.nullable().optional(),
  /** A counter that is its location's hub: the kiosks it knows. Empty on other devices; absent from older apps. */
  kiosks: z.array(HeartbeatKiosk).max(heartbeatKiosksMax).optional(),
  /** Connections the hub refused in the TLS handshake (wrong location key or location) since the last heartbeat the central API took; absent where there is no hub. */
  hubRefusedConnections: z.number().int().min(0).optional(),
  at: z.iso.datetime(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const Accepted = z.object({ receivedAt: z.iso.datetime() });
export type Accepted = z.infer<typeof Accepted>;

/** POST /v1/statistics: counts per service and outcome over a period; anonymous by construction (no ids, no free text), every count small-cell suppressed (a 1-4 is refused; docs/statistics.md). */
export const UsageStatistics = z.strictObject({
  locationId: slug,
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  counts: z
    .array(z.strictObject({ metric: slug, dimension: slug.optional(), value: PublishedCount }))
    .max(500),
});
export type UsageStatistics = z.infer<typeof UsageStatistics>;

/** GET /v1/health: the cheap probe the sync worker uses to tell "reachable again" from "the OS says online". */
export const Health = z.object({ status: z.literal('ok'), time: z.iso.datetime() });
export type Health = z.infer<typeof Health>;

/** Every error the API gives: RFC 9457 problem details. `type` tells the client what kind of failure it is. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Problem types the client acts on; the rest it shows to staff as they are. */
export const problemTypes = {
  missingKey: 'https://api.loopbaanwinkel.example/problems/idempotency-key-missing',
  keyReused: 'https://api.loopbaanwinkel.example/problems/idempotency-key-reused',
  keyInFlight: 'https://api.loopbaanwinkel.example/problems/idempotency-key-in-flight',
  invalidBody: 'https://api.loopbaanwinkel.example/problems/invalid-body',
  unauthorized: 'https://api.loopbaanwinkel.example/problems/unauthorized',
  forbidden: 'https://api.loopbaanwinkel.example/problems/forbidden',
  notFound: 'https://api.loopbaanwinkel.example/problems/not-found',
  unavailable: 'https://api.loopbaanwinkel.example/problems/unavailable',
} as const;
