import type { EligibilitySnapshot } from '../../../../shared/contract/requests-channels';
import type { Trajectory } from '../../../../shared/domain/trajectory';
import { canRequest } from '../../../../shared/eligibility/can-request';
import type { Route } from '../navigation/routes';
import type { ChosenProvider, VoucherDraft } from '../visit/visit-context';

/**
 * "Kies deze adviseur" on a provider page: the draft gets the provider, and a trajectory it does
 * not offer is dropped, so the request cannot name a pair the core refuses.
 */
export function draftWithProvider(draft: VoucherDraft, provider: ChosenProvider): Partial<VoucherDraft> {
  const keeps = draft.trajectory !== null && provider.services.includes(draft.trajectory);
  return { provider, trajectory: keeps ? draft.trajectory : null };
}

/** Choosing a trajectory keeps the chosen provider only when that provider offers it. */
export function draftWithTrajectory(draft: VoucherDraft, trajectory: Trajectory): Partial<VoucherDraft> {
  return { trajectory, provider: draft.provider?.services.includes(trajectory) ? draft.provider : null };
}

/**
 * Where the request with a chosen provider goes on: straight into it after a check that allows
 * a request in this visit, otherwise to the check first (which, after a "no" in this visit, says
 * why answering again may not help, as the home screen's voucher tile does).
 */
export function requestRoute(eligibility: EligibilitySnapshot | null): Route {
  return canRequest(eligibility) ? { screen: 'voucher', step: 'trajectory' } : { screen: 'eligibility', step: 'start' };
}
