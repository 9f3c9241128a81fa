import { languages } from '../../../shared/contract/languages';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock/clock';
import { createSelfScanModule } from '../../../electron/core/self-scan/self-scan-module';
import { CoreError } from '../../../electron/core/errors';
import type { ContentPack } from '../../../shared/content/pack-schema';
import { selfScanChannels } from '../../../shared/contract/self-scan-channels';
import { decodeTakeHome } from '../../../shared/self-scan/explore';
import type { ScanAnswer } from '../../../shared/self-scan/riasec';
import { assemblePack } from '../../../scripts/content/assemble-pack';
import { fixturePack } from '../../support/content-packs';
import { repoRoot } from '../../support/paths';
import { join } from 'node:path';

const pack = fixturePack();
const noPrinter = (): never => {
  throw new Error('no printing in this test');
};
const handlers = (p: ContentPack | null = pack) => createSelfScanModule({ pack: () => p, locationId: 'nowhere', clock: systemClock, print: noPrinter }).handlers;
const ctx = { transport: 'test', client: 'test' } as const;
/** Every statement of `areas` answered yes, the rest no. */
const answering = (yes: string[], p: ContentPack = pack): Record<string, ScanAnswer> => Object.fromEntries(p.selfScan.map((s) => [s.id, yes.includes(s.area) ? 'yes' : 'no']));

describe('the self-scan capability', () => {
  it('offers 18-30 statements, each with a pictogram and a text in every offered language', async () => {
    expect(pack.selfScan.length).toBeGreaterThanOrEqual(18);
    expect(pack.selfScan.length).toBeLessThanOrEqual(30);
    for (const s of pack.selfScan) expect(Object.keys(s.text).sort(), s.id).toEqual(languages.map((l) => l.code).sort());
    for (const area of ['R', 'I', 'A', 'S', 'E', 'C']) expect(pack.selfScan.filter((s) => s.area === area).length, area).toBeGreaterThanOrEqual(3);
    const { statements } = await handlers()['scan.statements']({ language: 'ar' }, ctx);
    expect(statements[0]).toEqual({ id: 'r-repair', text: 'أحب أن أصلح الأشياء.', pictogram: 'building' });
  });

  it('gives the strongest areas, occupations from the pack with the growing one marked, and the region\'s training advisers', async () => {
    const result = await handlers()['scan.result']({ language: 'nl', region: 'regio-zwolle', answers: answering(['R', 'C']) }, ctx);
    expect(selfScanChannels['scan.result'].output.parse(result)).toEqual(result);
    expect(result.strongest).toEqual(['R', 'C']);
    const ids = new Set(pack.occupations.map((o) => o.id));
    for (const o of result.occupations) expect(ids.has(o.id), o.id).toBe(true);
    // Zwolle's sample figures call the installer growing, and it is an R-C occupation.
    expect(result.occupations[0]).toMatchObject({ id: 'installateur', name: 'Installateur', growing: true });
    expect(result.occupations.filter((o) => o.growing).map((o) => o.id)).toEqual(['installateur']);
    expect(result.providers.map((p) => p.id)).toEqual(['isala-leerhuis']);
    expect(result.sampleFigures).toBe(true);
  });

  it('uses the kiosk\'s own region when the screen names none', async () => {
    const utrecht = createSelfScanModule({ pack: () => pack, locationId: 'utrecht-centrum', clock: systemClock, print: noPrinter }).handlers;
    const result = await utrecht['scan.result']({ language: 'nl', answers: answering(['S', 'I']) }, ctx);
    expect(result.occupations.find((o) => o.id === 'verpleegkundige')).toMatchObject({ growing: true });
    expect(result.providers.map((p) => p.id)).toEqual(['mijnwerk-heerlen']);
  });

  it('puts only area letters and occupation ids in the take-home code', async () => {
    const result = await handlers()['scan.result']({ language: 'ar', region: 'midden-utrecht', answers: answering(['S']) }, ctx);
    const decoded = decodeTakeHome(result.takeHome);
    expect(decoded).toEqual({ areas: result.strongest, occupations: result.occupations.map((o) => o.id) });
    expect(result.takeHome).toMatch(/^LBW-SCAN1\/[RIASEC]{0,3}\/[a-z0-9.-]*$/);
    expect(decodeTakeHome('LBW-SCAN1/SX/leraar')).toBeNull();
    expect(decodeTakeHome('LBW-SCAN1/S/Jan Jansen')).toBeNull();
    expect(decodeTakeHome('LBW-SCAN1/S/leraar/extra')).toBeNull();
  });

  it('shows nothing to explore when every answer is no, and ignores statements the pack does not hold', async () => {
    const none = await handlers()['scan.result']({ language: 'en', answers: { ...answering([]), 'made-up': 'yes' } }, ctx);
    expect(none).toMatchObject({ strongest: [], occupations: [], providers: [], takeHome: 'LBW-SCAN1//' });
  });

  it('refuses an unknown region and answers "unavailable" without a pack', async () => {
    await expect(Promise.resolve().then(() => handlers()['scan.result']({ language: 'nl', region: 'atlantis', answers: {} }, ctx))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(Promise.resolve().then(() => handlers(null)['scan.statements']({ language: 'nl' }, ctx))).rejects.toBeInstanceOf(CoreError);
    expect(selfScanChannels['scan.result'].input.safeParse({ language: 'nl', answers: { 'r-repair': 'maybe' } }).success).toBe(false);
  });

  it('the demo pack\'s labour-market figures only link to occupations it holds, and every region has one growing occupation in the catalogue', () => {
    const demo = assemblePack(join(repoRoot, 'resources', 'content', 'source'));
    expect(demo.selfScan).toHaveLength(pack.selfScan.length);
    const ids = new Set(demo.occupations.map((o) => o.id));
    for (const m of demo.labourMarket) expect(m.growing.some((t) => t.occupationId && ids.has(t.occupationId)), m.region).toBe(true);
  });
});
