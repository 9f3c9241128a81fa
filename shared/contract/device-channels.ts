import { z } from 'zod';
import { channel } from './define-channel';

/**
 * Whether the central API knows this device. "not-enrolled" covers a device that never got a
 * token and one whose token was revoked: either way IT has to give it a new one-time code, and
 * the screens say so. "no-central-api": configured without one (requests stay on the device).
 */
export const EnrollmentState = z.enum(['enrolled', 'not-enrolled', 'no-central-api']);
export type EnrollmentState = z.infer<typeof EnrollmentState>;

export const DeviceStatus = z.object({
  enrollment: EnrollmentState,
  lastHeartbeatAt: z.iso.datetime().nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const deviceChannels = {
  'device.status': channel({
    summary: 'Is this device enrolled with the central API, and when did it last report its health.',
    input: z.strictObject({}),
    output: DeviceStatus,
  }),
} as const;
