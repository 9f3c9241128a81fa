import type { EnrollmentState } from '../../../shared/contract/device-channels';
import type { SyncAuth } from '../sync/sync-worker';
import type { OfferedCode } from './offered-code';

export interface TrackedAuth extends SyncAuth {
  enrollment(): Exclude<EnrollmentState, 'no-central-api'>;
  /** Enrolls with a code IT typed at the counter; true when the central API gave this device a token. */
  enrollWith(code: string): Promise<boolean>;
}

/**
 * The device token as the sync worker and the heartbeat share it, remembering whether the last
 * attempt to get one worked: a revoked token that cannot be renewed (the one-time code is spent)
 * means "not enrolled, ask IT", while the queue stays on the device until IT gives a new code.
 * A device without a token whose first attempt has not finished yet is "enrolling", so a screen
 * does not send visitors to IT during the first seconds after start.
 */
export function trackEnrollment(auth: SyncAuth, codes: OfferedCode, onEnrolled: () => void = () => undefined): TrackedAuth {
  let state: Exclude<EnrollmentState, 'no-central-api'> = auth.token() !== null ? 'enrolled' : 'enrolling';
  const renew = async (): Promise<boolean> => {
    const renewed = await auth.renew();
    state = renewed ? 'enrolled' : 'not-enrolled';
    if (renewed) onEnrolled();
    return renewed;
  };
  return {
    token: () => auth.token(),
    renew,
    enrollment: () => state,
    enrollWith: async (code) => {
      const before = state;
      codes.offer(code);
      let renewed = await renew();
      // An attempt already under way (a sync 401, a heartbeat) went without the typed code: one more with it.
      if (codes.pending()) renewed = await renew();
      // A refused code says nothing about the token this device already has: it was not tried.
      if (!renewed && before === 'enrolled') state = before;
      return renewed;
    },
  };
}
