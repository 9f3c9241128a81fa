import type { eligibilityChannels } from '../../../shared/contract/eligibility-channels';
import { evaluateEligibility, localizeQuestions } from '../../../shared/eligibility/evaluate-eligibility';
import type { EligibilityRuleSet } from '../../../shared/eligibility/rule-set-schema';
import type { HandlersFor } from '../bridge/handlers';
import { CoreError } from '../errors';

export interface EligibilityHandlerDeps {
  /** The active rule set; null while no valid rules are available. */
  ruleSet: () => EligibilityRuleSet | null;
  /** The visitor's calendar day as "YYYY-MM-DD". */
  today: () => string;
}

// Made once: building a formatter with a time zone cost more than the rest of a voucher.start's checks.
const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the Netherlands: a kiosk at 00:30 local time is already on the next day. */
export function dutchCalendarDay(now: Date): string {
  return dutchDay.format(now);
}

export function createEligibilityHandlers(deps: EligibilityHandlerDeps): HandlersFor<typeof eligibilityChannels> {
  const rules = (): EligibilityRuleSet => {
    const ruleSet = deps.ruleSet();
    if (!ruleSet) throw new CoreError('unavailable', 'The voucher rules are not available on this device. Ask a staff member.');
    return ruleSet;
  };
  return {
    'eligibility.questions': ({ language }) => {
      const ruleSet = rules();
      return { ruleSetVersion: ruleSet.version, questions: localizeQuestions(ruleSet, language) };
    },
    'eligibility.check': ({ answers, language }) => evaluateEligibility(rules(), answers, { today: deps.today(), language }),
  };
}
