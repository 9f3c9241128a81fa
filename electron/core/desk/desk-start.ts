import type { DeskStartInput } from '../../../shared/contract/desk-channels';
import { voucherConsentPurpose, type VoucherStartInput } from '../../../shared/contract/requests-channels';
import type { ContentPack } from '../../../shared/content/pack-schema';
import { canRequest } from '../../../shared/eligibility/can-request';
import { evaluateEligibility } from '../../../shared/eligibility/evaluate-eligibility';
import { toSnapshot } from '../../../shared/eligibility/snapshot';
import type { FieldIssue } from '../../../shared/validation/format-issues';
import { CoreError } from '../errors';

/**
 * Turns what staff typed at the desk into the same request a kiosk sends: the core decides the
 * eligibility outcome from the answers with the active pack's rules, so a form can never send an
 * outcome of its own. Refused, with the fields to fix named in the issues: answers that leave the
 * check open or cannot be used, an outcome the kiosk would not let a visitor request with, and a
 * provider the pack does not list for the trajectory.
 */
export function deskStartRequest(input: DeskStartInput, pack: ContentPack | null, today: string, consentAt: Date): VoucherStartInput {
  if (!pack) throw new CoreError('unavailable', 'The voucher rules are not available on this device, so no request can be started. Ask IT for help.');
  const outcome = evaluateEligibility(pack.eligibility, input.answers, { today, language: 'nl' });
  const issues: FieldIssue[] = outcome.invalidAnswers.map((a) => ({ path: `answers.${a.question}`, message: `this answer cannot be used (${a.problem})` }));
  if (outcome.nextQuestion !== null && !issues.some((i) => i.path === `answers.${outcome.nextQuestion}`)) {
    issues.push({ path: `answers.${outcome.nextQuestion}`, message: 'the eligibility check needs an answer to this question' });
  }
  if (input.providerId !== undefined) {
    const provider = pack.providers.find((p) => p.id === input.providerId);
    if (!provider) issues.push({ path: 'providerId', message: `the content pack lists no provider "${input.providerId}"` });
    else if (!provider.services.includes(input.trajectory)) issues.push({ path: 'providerId', message: `provider "${input.providerId}" does not offer ${input.trajectory}` });
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
  return {
    trajectory: input.trajectory,
    ...(input.providerId !== undefined ? { providerId: input.providerId } : {}),
    contact: input.contact,
    consent: { purpose: voucherConsentPurpose, at: consentAt.toISOString() },
    eligibility: snapshot,
    language: input.language,
  };
}
