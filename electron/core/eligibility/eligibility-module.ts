import type { eligibilityChannels } from '../../../shared/contract/eligibility-channels';
import type { EligibilityRuleSet } from '../../../shared/eligibility/rule-set-schema';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import { createEligibilityHandlers, dutchCalendarDay } from './eligibility-handlers';

export interface EligibilityModule extends Capability {
  readonly handlers: HandlersFor<typeof eligibilityChannels>;
}

/** The voucher check. The rules come with the content: a new pack brings new rules without an app update. */
export function createEligibilityModule(deps: { ruleSet: () => EligibilityRuleSet | null; clock: Clock }): EligibilityModule {
  return { name: 'eligibility', handlers: createEligibilityHandlers({ ruleSet: deps.ruleSet, today: () => dutchCalendarDay(deps.clock.now()) }) };
}
