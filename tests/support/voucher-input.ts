import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentPackSchema, type ContentPack } from '../../shared/content/pack-schema';
import type { EligibilitySnapshot, VoucherStartInput } from '../../shared/contract/requests-channels';
import type { Answers } from '../../shared/eligibility/outcome-schema';
import { resourcesDir } from './paths';

/** Someone born in 1986 who lives here, never had a voucher and has no benefit: eligible by the sample rules on any day of this century's middle. */
export const eligibleAnswers: Answers = { birthDate: '1986-05-17', livesInNetherlands: true, hadVoucher: false, openTrajectory: false, hasBenefit: false };

/** A made-up visitor; `n` makes each one distinct so a leak of any of them is recognisable. */
export function voucherInput(n = 1): VoucherStartInput {
  return {
    trajectory: (['ontwikkeladvies', 'loopbaan-apk', 'opleidingsadvies'] as const)[n % 3] ?? 'ontwikkeladvies',
    contact: { name: `Testbezoeker Nummer${n}`, email: `bezoeker${n}@voorbeeld.nl`, phone: `06 ${String(10_000_000 + n)}` },
    consent: { purpose: 'voucher-request', at: '2026-11-24T09:00:00+01:00' },
    answers: eligibleAnswers,
    language: 'nl',
  };
}

/** The same visitor as a device sends them to the central API: the core's outcome in place of the answers. */
export function submittedVisitor(n = 1): Omit<VoucherStartInput, 'answers'> & { eligibility: EligibilitySnapshot } {
  const { answers: _answers, ...visitor } = voucherInput(n);
  return { ...visitor, eligibility: { outcome: 'eligible', reasonCodes: [], provisional: true, ruleSetVersion: '2026.11.0-sample' } };
}

let sample: ContentPack | undefined;
/** The signed sample pack a demo device installs: its rules and providers decide a request started without the content service. */
export function samplePack(): ContentPack {
  sample ??= ContentPackSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'content', 'sample', 'pack.json'), 'utf8')));
  return sample;
}
