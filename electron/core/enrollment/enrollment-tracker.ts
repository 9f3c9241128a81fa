import type { SyncAuth } from '../sync/sync-worker';

export interface TrackedAuth extends SyncAuth {
  enrolled(): boolean;
}

/**
 * The device token as the sync worker and the heartbeat share it, remembering whether the last
 * attempt to get one worked: a revoked token that cannot be renewed (the one-time code is spent)
 * means "not enrolled, ask IT", while the queue stays on the device until IT gives a new code.
 */
export function trackEnrollment(auth: SyncAuth): TrackedAuth {
  let enrolled = auth.token() !== null;
  return {
    token: () => auth.token(),
    renew: async () => {
      const renewed = await auth.renew();
      enrolled = renewed;
      return renewed;
    },
    enrolled: () => enrolled,
  };
}
