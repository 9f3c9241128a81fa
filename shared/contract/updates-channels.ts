import { z } from 'zod';
import { UpdateStatusSchema } from '../updates/update-status';
import { channel } from './define-channel';

export const updatesChannels = {
  'updates.status': channel({
    passive: true,
    summary: 'The auto-updater: phase, versions, channel and why a ready update is still waiting.',
    input: z.strictObject({}),
    output: UpdateStatusSchema,
  }),
  'updates.installNow': channel({
    summary: 'Staff at the counter install a downloaded update now instead of in the night window.',
    input: z.strictObject({}),
    output: z.object({ installing: z.literal(true), version: z.string() }),
  }),
} as const;
