/** Wrong PINs in a row before an account locks. */
export const maxFailures = 5;

const firstLockMs = 60_000;
const longestLockMs = 60 * 60_000;

/**
 * How long an account stays locked after `failures` wrong PINs in a row: nothing before the
 * fifth, one minute at the fifth, then double for every further wrong PIN, up to an hour.
 * A location manager can lift it at once by resetting the PIN.
 */
export function lockoutMs(failures: number): number {
  if (failures < maxFailures) return 0;
  return Math.min(firstLockMs * 2 ** (failures - maxFailures), longestLockMs);
}
