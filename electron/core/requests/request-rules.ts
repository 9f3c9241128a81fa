import type { EligibilitySnapshot } from '../../../shared/contract/requests-channels';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { Trajectory } from '../../../shared/domain/trajectory';
import { canRequest } from '../../../shared/eligibility/can-request';
import { evaluateEligibility } from '../../../shared/eligibility/evaluate-eligibility';
import type { Answers } from '../../../shared/eligibility/outcome-schema';
import { toSnapshot } from '../../../shared/eligibility/snapshot';
import type { FieldIssue } from '../../../shared/validation/format-issues';
import { CoreError } from '../errors';

/** What a request says about who may get a voucher and from whom, whichever door it came through. */
export interface RequestClaim {
  answers: Answers;
  trajectory: Trajectory;
  providerId?: string | undefined;
}

/**
 * The core's own decision on a new request, for the kiosk and the desk alike: the eligibility
 * outcome comes from the answers and the active pack's rules, never from the screen that sent
 * them. Refused, with the fields to fix named in the issues and nothing stored: no rules on this
 * device, answers that leave the check open or cannot be used, an outcome no visitor may request
 * with, and a provider the pack does not list, that does not offer the trajectory, or that does
 * not work in this device's region.
 */
export function decideRequest(claim: RequestClaim, pack: ContentPack | null, where: { region: string; today: string }): EligibilitySnapshot {
  if (!pack) throw new CoreError('unavailable', 'The voucher rules are not available on this device, so no request can be started. Ask a staff member or IT for help.');
  const outcome = evaluateEligibility(pack.eligibility, claim.answers, { today: where.today, language: 'nl' });
  const issues: FieldIssue[] = outcome.invalidAnswers.map((a) => ({ path: `answers.${a.question}`, message: `this answer cannot be used (${a.problem})` }));
  if (outcome.nextQuestion !== null && !issues.some((i) => i.path === `answers.${outcome.nextQuestion}`)) {
    issues.push({ path: `answers.${outcome.nextQuestion}`, message: 'the eligibility check needs an answer to this question' });
  }
  if (claim.providerId !== undefined) {
    const provider = pack.providers.find((p) => p.id === claim.providerId);
    if (!provider) issues.push({ path: 'providerId', message: `the content pack lists no provider "${claim.providerId}"` });
    else if (!provider.services.includes(claim.trajectory)) issues.push({ path: 'providerId', message: `provider "${claim.providerId}" does not offer ${claim.trajectory}` });
    else if (!provider.regions.includes(where.region)) issues.push({ path: 'providerId', message: `provider "${claim.providerId}" does not work in this device's region "${where.region}"` });
  }
  const snapshot = toSnapshot(outcome);
  if (snapshot && !canRequest(snapshot)) {
    const rules = outcome.reasons.filter((r) => r.code !== 'passed').map((r) => r.rule).join(', ') || 'none named';
    issues.push({ path: 'answers', message: `by these answers the visitor is not eligible for a voucher (rules: ${rules}), so no request can be started` });
  }
  if (issues.length > 0 || !snapshot) {
    const what = outcome.status === 'incomplete' ? 'The eligibility check is not complete' : 'The request cannot be started';
    throw new CoreError('invalid_input', `${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
  }
  return snapshot;
}
