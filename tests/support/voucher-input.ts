import type { VoucherStartInput } from '../../shared/contract/requests-channels';

/** A made-up visitor; `n` makes each one distinct so a leak of any of them is recognisable. */
export function voucherInput(n = 1): VoucherStartInput {
  return {
    trajectory: (['ontwikkeladvies', 'loopbaan-apk', 'opleidingsadvies'] as const)[n % 3] ?? 'ontwikkeladvies',
    contact: { name: `Testbezoeker Nummer${n}`, email: `bezoeker${n}@voorbeeld.nl`, phone: `06 ${String(10_000_000 + n)}` },
    consent: { purpose: 'voucher-request', at: '2026-11-24T09:00:00+01:00' },
    eligibility: { outcome: 'eligible', reasonCodes: ['min-age', 'no-recent-voucher'], provisional: true, ruleSetVersion: '2026.11.0-sample' },
    language: 'nl',
  };
}
