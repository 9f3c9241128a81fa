import { createHash } from 'node:crypto';

/**
 * A location's fixed place in every staged rollout, 0-99. electron-updater would draw a random id
 * per device, so two kiosks in one shop could run different versions for days; hashing the
 * location id instead puts the whole shop at the same place, and the same place for every release.
 */
export function rolloutPosition(locationId: string): number {
  const digest = createHash('sha256').update(`loopbaanwinkel-rollout:${locationId}`).digest();
  return Math.floor((digest.readUInt32BE(0) / 0x1_0000_0000) * 100);
}

/**
 * electron-updater's isUserWithinRollout hook, given the release's stagingPercentage from
 * latest.yml: no percentage means a full release, as in electron-updater itself; a percentage it
 * cannot read also means a full release there, but here it means "wait": a typo in a release file
 * must not push a release to the whole fleet at once.
 */
export function isWithinRollout(locationId: string, stagingPercentage: unknown): boolean {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const percentage = typeof stagingPercentage === 'number' ? stagingPercentage : Number.parseFloat(String(stagingPercentage));
  if (!Number.isFinite(percentage)) return false;
  return rolloutPosition(locationId) < percentage;
}
