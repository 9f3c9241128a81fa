import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock/clock';
import { createReferralModule } from '../../../electron/core/referral/referral-module';
import { PartnerKind } from '../../../shared/content/pack-schema';
import { referralChannels } from '../../../shared/contract/referral-channels';
import { assemblePack } from '../../../scripts/content/assemble-pack';
import { fixturePack } from '../../support/content-packs';
import { repoRoot } from '../../support/paths';

const pack = fixturePack();
const ctx = { transport: 'test', client: 'test' } as const;
const partnersAt = (locationId: string, kinds: PartnerKind[], language: 'nl' | 'ar' = 'nl') =>
  Promise.resolve(createReferralModule({ pack: () => pack, locationId, clock: systemClock, print: () => { throw new Error('no printing in this test'); } }).handlers['referral.partners']({ language, kinds }, ctx));

describe('who else can help', () => {
  it('gives the partners of the kiosk\'s own region, of the kinds asked, in that order, marked as sample', async () => {
    const { partners } = await partnersAt('utrecht-centrum', ['werkplein', 'uwv']);
    expect(referralChannels['referral.partners'].output.parse({ partners })).toEqual({ partners });
    expect(partners.map((p) => p.id)).toEqual(['werkplein-midden-utrecht', 'uwv-midden-utrecht']);
    expect(partners[1]).toMatchObject({ kind: 'uwv', appointmentNeeded: true, sample: true, address: 'Voorbeeldstraat 1, 3511 AB Utrecht' });
    expect(partners[1]?.bring).toContain('DigiD');
  });

  it('speaks the visitor\'s language and never gives another region\'s partners', async () => {
    const { partners } = await partnersAt('utrecht-centrum', ['taalhuis'], 'ar');
    expect(partners[0]?.helpsWith).toMatch(/^تعلّم/);
    expect((await partnersAt('utrecht-centrum', [...PartnerKind.options])).partners.every((p) => p.id.endsWith('midden-utrecht'))).toBe(true);
    expect((await partnersAt('nowhere', ['uwv'])).partners).toEqual([]);
  });

  it('the demo pack has every kind of partner for every location\'s region', () => {
    const demo = assemblePack(join(repoRoot, 'resources', 'content', 'source'));
    for (const location of demo.locations) {
      const kinds = new Set(demo.partners.filter((p) => p.regions.includes(location.region)).map((p) => p.kind));
      expect([...kinds].sort(), location.id).toEqual([...PartnerKind.options].sort());
    }
  });
});
