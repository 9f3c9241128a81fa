import { z } from 'zod';
import { UpdateChannel } from './update-channel';

const version = z.string().min(1).max(64);

/** Why a downloaded update has not been installed yet; shown to staff on the counter. */
export const InstallBlocker = z.enum(['outside-window', 'visitor-activity']);
export type InstallBlocker = z.infer<typeof InstallBlocker>;

/**
 * What the updater is doing, as the counter screen and the heartbeat see it. One phase at a time;
 * the fields that only make sense in a phase live in that phase.
 */
export const UpdatePhase = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('disabled'), reason: z.string().min(1) }),
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('checking') }),
  z.object({ phase: z.literal('up-to-date') }),
  z.object({
    phase: z.literal('downloading'),
    version,
    percent: z.number().min(0).max(100),
    bytesPerSecond: z.number().nonnegative(),
  }),
  z.object({ phase: z.literal('ready'), version, waitingFor: InstallBlocker.nullable() }),
  z.object({ phase: z.literal('installing'), version }),
  z.object({ phase: z.literal('failed'), reason: z.string().min(1).max(300) }),
]);
export type UpdatePhase = z.infer<typeof UpdatePhase>;

export const UpdateStatusSchema = z.object({
  currentVersion: version,
  channel: UpdateChannel,
  /** The location's fixed place in the staged rollout, 0-99: it gets a release once its percentage is above this. */
  rolloutPosition: z.number().int().min(0).max(99),
  lastCheckedAt: z.iso.datetime().nullable(),
  state: UpdatePhase,
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;
