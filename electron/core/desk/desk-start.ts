import type { DeskStartInput } from '../../../shared/contract/desk-channels';
import { voucherConsentPurpose, type VoucherStartInput } from '../../../shared/contract/requests-channels';

/**
 * Turns what staff typed at the desk into the same request a kiosk sends, answers included: the
 * request then takes the kiosk's path, where the core decides the eligibility outcome and checks
 * the provider (requests/request-rules.ts), so the two doors never disagree.
 */
export function deskStartRequest(input: DeskStartInput, consentAt: Date): VoucherStartInput {
  return {
    trajectory: input.trajectory,
    ...(input.providerId !== undefined ? { providerId: input.providerId } : {}),
    contact: input.contact,
    consent: { purpose: voucherConsentPurpose, at: consentAt.toISOString() },
    answers: input.answers,
    language: input.language,
  };
}
