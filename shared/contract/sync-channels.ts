import { z } from 'zod';
import { HubLink } from '../hub/hub-link';
import { channel } from './define-channel';

export const NeedsAttentionItem = z.object({
  /** The outbox row's id, for the staff action that retries or discards it. */
  id: z.number().int().positive(),
  kind: z.string(),
  /** The receipt reference or ticket number staff can match to a visitor; never personal data. */
  reference: z.string(),
  /** What the central API said, in its words; staff read it to decide what to fix. */
  reason: z.string(),
  /** The refusal's problem type from the central API's OpenAPI document, when it gave one: the desk says it in Dutch with what to do. */
  problemType: z.string().nullable(),
  at: z.iso.datetime(),
});
export type NeedsAttentionItem = z.infer<typeof NeedsAttentionItem>;

export const SyncStatus = z.object({
  /** Rows waiting to be sent (not yet acknowledged, not in needs-attention). */
  queued: z.number().int().min(0),
  inFlight: z.number().int().min(0),
  lastSuccessAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  /**
   * How long the oldest message still to be sent (waiting or in flight) has waited, in whole
   * seconds by the device's clock; null when nothing waits. What the fleet alerts on: a queue
   * that is short but old is stuck.
   */
  oldestPendingAgeSeconds: z.number().int().min(0).nullable(),
  needsAttention: z.array(NeedsAttentionItem),
  /** A kiosk that sends to a location hub: whether the hub takes its messages, and if not, why (wrong key, wrong location, not enrolled, unreachable). */
  hubLink: HubLink.nullable().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const syncChannels = {
  'sync.status': channel({
    passive: true,
    summary: 'How far this device is with sending its queue to the central API, and what needs a person.',
    input: z.strictObject({}),
    output: SyncStatus,
  }),
} as const;
