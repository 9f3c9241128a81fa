import { pickText } from '../../../shared/content/localized-text';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { referralChannels } from '../../../shared/contract/referral-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';

export interface ReferralModule extends Capability {
  readonly handlers: HandlersFor<typeof referralChannels>;
}

/** "Who else can help": the partner services of the shop's own region, from the content pack. */
export function createReferralModule(deps: { pack: () => ContentPack | null; locationId: string }): ReferralModule {
  return {
    name: 'referral',
    handlers: {
      'referral.partners': ({ language, kinds }) => {
        const pack = deps.pack();
        const region = pack?.locations.find((l) => l.id === deps.locationId)?.region;
        if (!pack || !region) return { partners: [] };
        const partners = pack.partners
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
        return { partners };
      },
    },
  };
}
