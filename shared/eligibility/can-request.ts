import type { EligibilitySnapshot } from '../contract/requests-channels';

/**
 * A request needs a decided check: "eligible", or "needs staff" (the counter completes every
 * request after an ID check anyway, so staff can decide there). "Not eligible" cannot start one.
 * The kiosk's screens and the desk's core both ask this, so the two doors never disagree.
 */
export function canRequest(snapshot: EligibilitySnapshot | null): snapshot is EligibilitySnapshot {
  return snapshot !== null && snapshot.outcome !== 'notEligible';
}
