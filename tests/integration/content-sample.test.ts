import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devContentKey } from '../../electron/core/content/dev-content-key';
import { openPackStore, type PackStore } from '../../electron/core/content/pack-store';
import { silentLogger } from '../../electron/core/log/logger';
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

  it('is searchable in Dutch and English, with the page about a topic first', () => {
    expect(hits('loopbaan-apk', 'nl')[0]).toBe('page:career-check-up');
    expect(hits('career check', 'en')[0]).toBe('page:career-check-up');
    expect(hits('keurmerk', 'nl')[0]).toBe('page:quality-marks');
    expect(hits('uitkerign', 'nl')).toContain('page:working-with-a-benefit');
  });
});
