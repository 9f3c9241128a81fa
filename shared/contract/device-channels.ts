import { z } from 'zod';
import { Heartbeat } from '../central-api/devices';
import { staffOnly } from './access';
import { channel } from './define-channel';

/**
 * Whether the central API knows this device. "not-enrolled" covers a device that never got a
 * token and one whose token was revoked: either way IT has to give it a new one-time code, and
 * the screens say so. "enrolling": no token yet and the first attempt has not finished.
 * "no-central-api": configured without one (requests stay on the device).
 */
export const EnrollmentState = z.enum(['enrolled', 'enrolling', 'not-enrolled', 'no-central-api']);
export type EnrollmentState = z.infer<typeof EnrollmentState>;

export const DeviceStatus = z.object({
  enrollment: EnrollmentState,
  lastHeartbeatAt: z.iso.datetime().nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** IT's one-time code as the simulator and the central API hand it out (XXXX-XXXX-XXXX); typed with or without dashes, any case. */
export const EnrollmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{12}$/, 'An enrollment code has 12 letters and digits, for example ACDE-FGHJ-KMNP.'))
  .transform((code) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);

/** What IT asks on the phone, in one place: the device's health (as its heartbeat reports it) and its configuration without secrets. */
export const DeviceDiagnostics = z.object({
  health: Heartbeat,
  /** The device's configuration with defaults filled in; the location key is replaced by its fingerprint. */
  config: z.json(),
  /** The first 8 hex digits of SHA-256 over the location key: equal on every device of a location that shares the key. */
  locationKeyFingerprint: z.string().regex(/^[0-9a-f]{4}-[0-9a-f]{4}$/).nullable(),
  dataDir: z.string(),
  schemaVersion: z.number().int().min(0).nullable(),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), platform: z.string() }),
});
export type DeviceDiagnostics = z.infer<typeof DeviceDiagnostics>;

export const deviceChannels = {
  'device.status': channel({
    passive: true,
    summary: 'Is this device enrolled with the central API, and when did it last report its health.',
    input: z.strictObject({}),
    output: DeviceStatus,
  }),
  'device.enroll': channel({
    summary: 'IT types a one-time enrollment code at the counter; the device gets its token from the central API with it.',
    input: z.strictObject({ code: EnrollmentCode }),
    output: DeviceStatus,
    access: staffOnly('it'),
  }),
  'device.diagnostics': channel({
    summary: "IT's view of this device: its health as the heartbeat reports it, its configuration (the location key only as a fingerprint), data folder, database version and runtime.",
    input: z.strictObject({}),
    output: DeviceDiagnostics,
    access: staffOnly('it'),
  }),
} as const;
