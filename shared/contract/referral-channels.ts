import { z } from 'zod';
import { PartnerKind } from '../content/pack-schema';
import { PrintJobSummary } from '../printing/print-job';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

export const ReferralPartner = z.strictObject({
  id: z.string(),
  kind: PartnerKind,
  name: z.string(),
  helpsWith: z.string(),
  address: z.string(),
  openingHours: z.string(),
  phone: z.string().optional(),
  bring: z.string(),
  appointmentNeeded: z.boolean(),
  sample: z.boolean(),
});
export type ReferralPartner = z.infer<typeof ReferralPartner>;

export const referralChannels = {
  'referral.partners': channel({
    summary: 'Partner services in this shop\'s region ("who else can help"), of the kinds asked for, in the visitor\'s language.',
    input: z.strictObject({ language: LanguageCode, kinds: z.array(PartnerKind).min(1).max(6) }),
    output: z.strictObject({ partners: z.array(ReferralPartner) }),
  }),
  'referral.print': channel({
    summary: 'Prints a referral slip with up to three partner services of this shop\'s region, of the kinds asked for; the core chooses the partners, the screen only names the kinds.',
    input: z.strictObject({ language: LanguageCode, kinds: z.array(PartnerKind).min(1).max(3) }),
    output: PrintJobSummary,
  }),
} as const;
