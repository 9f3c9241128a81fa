import type { EligibilitySnapshot } from '../contract/requests-channels';
import type { EligibilityOutcome } from './outcome-schema';

/**
 * What a voucher request keeps of the visitor's check: the decided outcome, the ids of the rules
 * that decided it and whether the centre still has to confirm it. Null while the check is incomplete.
 */
export function toSnapshot(outcome: EligibilityOutcome): EligibilitySnapshot | null {
  if (outcome.status === 'incomplete') return null;
  const deciding = outcome.reasons.filter((reason) => reason.code !== 'passed').map((reason) => reason.rule);
  return {
    outcome: outcome.status,
    reasonCodes: [...new Set(deciding)].slice(0, 20),
    provisional: outcome.provisional,
    ruleSetVersion: outcome.ruleSetVersion,
  };
}
