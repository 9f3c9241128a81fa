import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devContentKey } from '../../electron/core/content/dev-content-key';
import { openPackStore, type PackStore } from '../../electron/core/content/pack-store';
import { silentLogger } from '../../electron/core/log/logger';
import { assemblePack } from '../../scripts/content/assemble-pack';
import { resourcesDir, tempDir } from '../support/paths';

const sampleDir = join(resourcesDir, 'content', 'sample');
let store: PackStore;

beforeAll(() => {
  store = openPackStore({ dir: tempDir('sample'), trustedKeys: [devContentKey], logger: silentLogger });
  store.install(readFileSync(join(sampleDir, 'pack.json')), readFileSync(join(sampleDir, 'pack.sig')));
});

afterAll(() => store.close());

const active = () => {
  const loaded = store.active();
  if (!loaded) throw new Error('the sample pack did not install');
  return loaded;
};
const hits = (query: string, language: 'nl' | 'en') => active().search.search(query, { language, limit: 10 }).hits.map((h) => `${h.kind}:${h.id}`);

describe('the committed sample pack (npm run content:build)', () => {
  it('verifies with the dev key and installs', () => {
    expect(active().pack.version).toMatch(/-sample$/);
  });

  it('is up to date with the source files (run npm run content:build after editing them)', () => {
    const { createdAt: _built, ...fromSources } = assemblePack(join(resourcesDir, 'content', 'source'));
    const { createdAt: _committed, ...committed } = active().pack;
    expect(committed).toEqual(fromSources);
  });

  it('covers what the demo promises: 35 regions with sample figures, 40+ providers, 15+ pages, 6+ schemes', () => {
    const { pack } = active();
    expect(pack.regions).toHaveLength(35);
    expect(new Set(pack.labourMarket.map((m) => m.region))).toEqual(new Set(pack.regions.map((r) => r.slug)));
    expect(pack.labourMarket.every((m) => m.sample)).toBe(true);
    expect(pack.providers.length).toBeGreaterThanOrEqual(40);
    expect(pack.pages.length).toBeGreaterThanOrEqual(15);
    expect(pack.schemes.length).toBeGreaterThanOrEqual(6);
    expect(pack.locations.map((l) => l.id)).toContain('utrecht-centrum');
  });

  it('points the pages about benefits, low literacy and debt to partner services the demo region has', () => {
    const { pack } = active();
    const referTo = (id: string) => pack.pages.find((page) => page.id === id)?.referTo;
    expect(referTo('working-with-a-benefit')).toEqual(['uwv', 'werkplein']);
    expect(referTo('help-with-reading-and-writing')).toEqual(['taalhuis']);
    expect(referTo('money-worries-and-debt')).toEqual(['schuldhulp', 'werkplein']);
    const demoRegion = pack.locations.find((location) => location.id === 'utrecht-centrum')?.region;
    const kindsThere = new Set(pack.partners.filter((partner) => demoRegion && partner.regions.includes(demoRegion)).map((partner) => partner.kind));
    for (const page of pack.pages) for (const kind of page.referTo ?? []) expect(kindsThere.has(kind), `${page.id} -> ${kind}`).toBe(true);
  });

  it('is searchable in Dutch and English, with the page about a topic first', () => {
    expect(hits('loopbaan-apk', 'nl')[0]).toBe('page:career-check-up');
    expect(hits('career check', 'en')[0]).toBe('page:career-check-up');
    expect(hits('keurmerk', 'nl')[0]).toBe('page:quality-marks');
    expect(hits('uitkerign', 'nl')).toContain('page:working-with-a-benefit');
  });
});
