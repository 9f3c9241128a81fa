import type { SyncStatus } from '../../../shared/contract/sync-channels';
import type { Outbox } from '../outbox/outbox';

/** What only the running sync worker knows; before it runs, nothing is in flight. */
export interface SyncProgress {
  inFlight(): number;
  /** When the worker will try next, if it has decided (a backoff or an open circuit). */
  nextAttemptAt(): Date | null;
}

export const idleProgress: SyncProgress = { inFlight: () => 0, nextAttemptAt: () => null };

/** Whole seconds since the oldest undelivered row was written, by the device's clock; null when nothing waits. */
export function pendingAgeSeconds(oldestPendingAt: string | null, now: Date): number | null {
  return oldestPendingAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(oldestPendingAt)) / 1000));
}

export function readSyncStatus(outbox: Outbox, progress: SyncProgress, now: Date): SyncStatus {
  const counts = outbox.counts();
  const inFlight = progress.inFlight();
  const planned = progress.nextAttemptAt();
  const rowDue = counts.nextAttemptAt === null ? null : new Date(counts.nextAttemptAt);
  const next = counts.pending === 0 ? null : planned && rowDue ? (planned > rowDue ? planned : rowDue) : (planned ?? rowDue);
  return {
    queued: Math.max(0, counts.pending - inFlight),
    inFlight,
    lastSuccessAt: counts.lastAckedAt,
    nextAttemptAt: next ? next.toISOString() : null,
    oldestPendingAgeSeconds: pendingAgeSeconds(counts.oldestPendingAt, now),
    needsAttention: outbox.needsAttention(),
  };
}
