import { describe, expect, it } from 'vitest';
import { draftWithProvider, draftWithTrajectory, requestRoute } from '../../renderer/src/kiosk/voucher/chosen-provider';
import { emptyVisit } from '../../renderer/src/kiosk/visit/visit-context';

const apkOnly = { id: 'kromme-rijn-werkwijzer', name: 'Werkwijzer Kromme Rijn', services: ['loopbaan-apk'] as const };
const snapshot = (outcome: 'eligible' | 'notEligible' | 'needsStaff') => ({ outcome, reasonCodes: [], provisional: false, ruleSetVersion: 'v1' });

describe('a provider chosen on its information page', () => {
  it('keeps a trajectory the provider offers and drops one it does not', () => {
    expect(draftWithProvider({ ...emptyVisit.voucher, trajectory: 'loopbaan-apk' }, apkOnly)).toEqual({ provider: apkOnly, trajectory: 'loopbaan-apk' });
    expect(draftWithProvider({ ...emptyVisit.voucher, trajectory: 'ontwikkeladvies' }, apkOnly)).toEqual({ provider: apkOnly, trajectory: null });
  });

  it('stays through a trajectory it offers and goes with one it does not', () => {
    const draft = { ...emptyVisit.voucher, provider: apkOnly };
    expect(draftWithTrajectory(draft, 'loopbaan-apk')).toEqual({ trajectory: 'loopbaan-apk', provider: apkOnly });
    expect(draftWithTrajectory(draft, 'opleidingsadvies')).toEqual({ trajectory: 'opleidingsadvies', provider: null });
  });

  it('leads into the request only after a check that allows one in this visit', () => {
    expect(requestRoute(null)).toEqual({ screen: 'eligibility', step: 'start' });
    expect(requestRoute(snapshot('notEligible'))).toEqual({ screen: 'eligibility', step: 'start' });
    expect(requestRoute(snapshot('eligible'))).toEqual({ screen: 'voucher', step: 'trajectory' });
    expect(requestRoute(snapshot('needsStaff'))).toEqual({ screen: 'voucher', step: 'trajectory' });
  });
});
