import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EligibilitySnapshot } from '../../shared/contract/requests-channels';
import { evaluateEligibility } from '../../shared/eligibility/evaluate-eligibility';
import { EligibilityRuleSetSchema } from '../../shared/eligibility/rule-set-schema';
import { toSnapshot } from '../../shared/eligibility/snapshot';
import { resourcesDir } from '../support/paths';

const ruleSet = EligibilityRuleSetSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'content', 'source', 'eligibility.json'), 'utf8')));
const context = { today: '2026-11-24', language: 'nl' };

describe('the eligibility snapshot a voucher request stores', () => {
  it('keeps the outcome, the deciding rules and the provisional mark, and passes the request schema', () => {
    const outcome = evaluateEligibility(ruleSet, { birthDate: '1990-05-17', livesInNetherlands: true, hadVoucher: false, openTrajectory: false, hasBenefit: false }, context);
    expect(outcome.status).toBe('eligible');
    const snapshot = toSnapshot(outcome);
    expect(EligibilitySnapshot.parse(snapshot)).toEqual({ outcome: 'eligible', reasonCodes: [], provisional: outcome.provisional, ruleSetVersion: ruleSet.version });
  });

  it('names the rule that refused, e.g. a visitor under 18', () => {
    const outcome = evaluateEligibility(ruleSet, { birthDate: '2010-01-01', livesInNetherlands: true, hadVoucher: false, openTrajectory: false, hasBenefit: false }, context);
    expect(toSnapshot(outcome)).toMatchObject({ outcome: 'notEligible', reasonCodes: ['min-age'] });
  });

  it('stores nothing for a check that is not finished', () => {
    expect(toSnapshot(evaluateEligibility(ruleSet, {}, context))).toBeNull();
  });
});
