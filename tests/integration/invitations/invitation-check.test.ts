import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockWithNow } from '../../../electron/core/clock/clock';
import { createComposition } from '../../../electron/core/composition/composition-root';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { createInvitationsModule } from '../../../electron/core/invitations/invitations-module';
import { silentLogger } from '../../../electron/core/log/logger';
import { readDailyStats } from '../../../electron/core/statistics/daily-stats';
import { createStoreModule } from '../../../electron/core/store/store-module';
import { invitationsChannels } from '../../../shared/contract/invitations-channels';
import { checkInvitationCode, normalizeCode } from '../../../shared/invitations/check-code';
import { publishDailyStats } from '../../../shared/stats/published-stats';
import { fixturePack } from '../../support/content-packs';
import { tempDir } from '../../support/paths';

const pack = fixturePack();
const ctx = { transport: 'test', client: 'test' } as const;
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** The invitations capability at a Utrecht kiosk on a real device database, on a given Dutch day. */
function utrechtKiosk(at = '2026-11-23T10:00:00.000Z', locationId = 'utrecht-centrum') {
  const dataDir = tempDir('invitations');
  const root = createComposition(silentLogger);
  const store = root.add(createStoreModule({ dataDir, keyProvider: createFileKeyProvider(join(dataDir, 'field-key')), logger: silentLogger }));
  if (!store.device) throw new Error('the device store did not open');
  const device = store.device;
  const module = root.add(createInvitationsModule({ pack: () => pack, locationId, store: device, clock: clockWithNow(() => new Date(at)), logger: silentLogger }));
  root.start();
  closers.push(() => root.close());
  const check = (code: string, language: 'nl' | 'ar' = 'nl') => Promise.resolve(module.handlers['invitation.check']({ code, language }, ctx));
  return { check, stats: () => readDailyStats(device.db, '2026-11-23') };
}

describe('invitation letters', () => {
  it('greets a valid letter, with its paths and the answers it gives, and counts the campaign but not the code', async () => {
    const kiosk = utrechtKiosk();
    const result = await kiosk.check('UT45-AB12CD');
    expect(invitationsChannels['invitation.check'].output.parse(result)).toEqual(result);
    expect(result).toEqual({
      status: 'valid',
      campaign: 'utrecht-45-2026',
      welcome: expect.stringMatching(/^Je bent uitgenodigd voor een gratis loopbaangesprek\./) as string,
      paths: ['loopbaan-apk', 'ontwikkeladvies'],
      preAnswers: { livesInNetherlands: true },
    });
    expect((await kiosk.check('ut45-ab12cd', 'ar')) as { welcome: string }).toMatchObject({ status: 'valid', welcome: expect.stringMatching(/^أنت مدعو/) as string });
    expect(kiosk.stats().invitationsByCampaign).toEqual([{ key: 'utrecht-45-2026', count: 2 }]);
    expect(JSON.stringify(kiosk.stats())).not.toContain('AB12CD');
    // Two visits are a small count: published, they are "<5".
    expect(publishDailyStats(kiosk.stats()).invitations).toBe('<5');
  });

  it('calmly refuses an expired, unknown, other region\'s, malformed and 200-character code, and counts none of them', async () => {
    const kiosk = utrechtKiosk();
    expect(await kiosk.check('UT-VOORJAAR-01')).toEqual({ status: 'expired' });
    expect(await kiosk.check('UT46-AB12CD')).toEqual({ status: 'unknown' });
    expect(await kiosk.check('UT45-AB12C')).toEqual({ status: 'unknown' });
    expect(await kiosk.check('UT45-AB!2CD')).toEqual({ status: 'malformed' });
    expect(await kiosk.check('')).toEqual({ status: 'malformed' });
    expect(await kiosk.check('A'.repeat(200))).toEqual({ status: 'malformed' });
    expect(await kiosk.check(`UT45-AB12CD${' '.repeat(195)}`)).toEqual({ status: 'malformed' });
    expect(invitationsChannels['invitation.check'].input.safeParse({ code: 'A'.repeat(300), language: 'nl' }).success).toBe(false);
    // A Zwolle letter, valid today, shown at a Utrecht kiosk.
    expect(await kiosk.check('ZW-HERSTART-01')).toEqual({ status: 'other-region' });
    expect(kiosk.stats().invitationsByCampaign).toEqual([]);
  });

  it('takes the code from a wedge scanner\'s burst or a QR that holds a link, and knows the first and last day', () => {
    expect(normalizeCode('  UT45-AB12CD\r\n')).toBe('UT45-AB12CD');
    expect(normalizeCode('https://loopbaanwinkel.example/uitnodiging?code=ut45-ab12cd')).toBe('UT45-AB12CD');
    const utrecht45 = pack.campaigns.filter((c) => c.id === 'utrecht-45-2026');
    expect(checkInvitationCode(utrecht45, 'UT45-AB12CD', 'midden-utrecht', '2026-08-31').status).toBe('not-yet-valid');
    expect(checkInvitationCode(utrecht45, 'UT45-AB12CD', 'midden-utrecht', '2026-09-01').status).toBe('valid');
    expect(checkInvitationCode(utrecht45, 'UT45-AB12CD', 'midden-utrecht', '2026-12-31').status).toBe('valid');
    expect(checkInvitationCode(utrecht45, 'UT45-AB12CD', 'midden-utrecht', '2027-01-01').status).toBe('expired');
    expect(checkInvitationCode(utrecht45, 'UT45-AB12CD', null, '2026-11-23').status).toBe('other-region');
  });

  it('a pack whose campaign asks about a question the rules do not have, or ends before it starts, is refused', async () => {
    const { checkReferences } = await import('../../../electron/core/content/check-references');
    const broken = fixturePack((p) => {
      const first = p.campaigns[0];
      if (first) Object.assign(first, { preAnswers: { shoeSize: true }, validTo: '2026-01-01', regions: ['atlantis'] });
    });
    expect(checkReferences(broken).map((i) => i.path)).toEqual(['campaigns[0].regions', 'campaigns[0].preAnswers', 'campaigns[0].validTo']);
  });
});
