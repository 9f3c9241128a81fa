import { pickText } from '../../../shared/content/localized-text';
import type { ContentPack, PartnerKind } from '../../../shared/content/pack-schema';
import type { referralChannels } from '../../../shared/contract/referral-channels';
import type { PrintDocument } from '../../../shared/printing/print-document';
import type { PrintJobSummary } from '../../../shared/printing/print-job';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import { CoreError } from '../errors';
import { receiptLanguage } from '../../../shared/contract/languages';

export interface ReferralModule extends Capability {
  readonly handlers: HandlersFor<typeof referralChannels>;
}

/** "Who else can help": the partner services of the shop's own region, from the content pack. */
export function createReferralModule(deps: { pack: () => ContentPack | null; locationId: string; clock: Clock; print: (document: PrintDocument) => PrintJobSummary }): ReferralModule {
  const partnersFor = (language: string, kinds: readonly PartnerKind[]) => {
        const pack = deps.pack();
        const region = pack?.locations.find((l) => l.id === deps.locationId)?.region;
        if (!pack || !region) return [];
        return pack.partners
          .filter((p) => p.regions.includes(region) && kinds.includes(p.kind))
          .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind))
          .map((p) => ({
            id: p.id,
            kind: p.kind,
            name: p.name,
            helpsWith: pickText(p.helpsWith, language),
            address: `${p.address.street}, ${p.address.postcode} ${p.address.city}`,
            openingHours: pickText(p.openingHours, language),
            ...(p.phone ? { phone: p.phone } : {}),
            bring: pickText(p.bring, language),
            appointmentNeeded: p.appointmentNeeded,
            sample: p.sample,
          }));
  };
  return {
    name: 'referral',
    handlers: {
      'referral.partners': ({ language, kinds }) => ({ partners: partnersFor(language, kinds) }),
      'referral.print': ({ language, kinds }) => {
        // The paper's code page has Latin letters only: an Arabic visitor's slip is in English, like every receipt.
        const paper = receiptLanguage(language);
        const partners = partnersFor(paper, kinds).slice(0, 3);
        if (partners.length === 0) throw new CoreError('not_found', 'There is no partner service of these kinds in this shop\'s region.');
        return deps.print({
          kind: 'referral-slip',
          language: paper,
          data: {
            partners: partners.map((p) => ({ name: p.name, helpsWith: p.helpsWith, address: p.address, phone: p.phone ?? null, openingHours: p.openingHours, bring: p.bring, appointmentNeeded: p.appointmentNeeded })),
            sample: partners.some((p) => p.sample),
            printedAt: deps.clock.now().toISOString(),
          },
        });
      },
    },
  };
}
