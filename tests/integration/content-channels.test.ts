import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../shared/contract/channels';
import { DeviceConfigSchema } from '../../shared/config/device-config';
import { createCore, type Core } from '../../electron/core/app-core';
import { demoDeviceConfig } from '../../electron/core/config/demo-config';
import { silentLogger } from '../../electron/core/log/logger';
import { resourcesDir, tempDir } from '../support/paths';

let demo: Core;
let empty: Core;

beforeAll(() => {
  demo = createCore({ config: demoDeviceConfig, appVersion: 't', resourcesDir, dataDir: tempDir('channels'), shell: 'browser', logger: silentLogger });
  const config = DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle' });
  empty = createCore({ config, appVersion: 't', resourcesDir, dataDir: tempDir('channels'), shell: 'browser', logger: silentLogger });
});

afterAll(async () => {
  await demo.close();
  await empty.close();
});

async function call<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>) {
  return core.dispatch(channel, input, { transport: 'test', client: 'test' });
}

async function ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<unknown> {
  const result = await call(demo, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.result;
}

const ids = (items: unknown) => (items as Array<{ id: string }>).map((i) => i.id);

describe('content over the contract (demo mode, sample pack installed on first start)', () => {
  it('reports the active pack version, also in app.info', async () => {
    const version = (await ok('content.version', {})) as { version: string };
    expect(await ok('app.info', {})).toMatchObject({ content: { version: version.version } });
  });

  it('lists topics in display order and a topic\'s pages without their bodies', async () => {
    const topics = (await ok('content.topics', {})) as Array<{ id: string; order: number }>;
    expect(topics.map((t) => t.order)).toEqual([...topics.map((t) => t.order)].sort((a, b) => a - b));
    const first = topics[0]?.id ?? '';
    const pages = (await ok('content.pages', { topic: first })) as Array<Record<string, unknown>>;
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(page.topic).toBe(first);
      expect(page).not.toHaveProperty('body');
    }
    const page = (await ok('content.page', { id: String(pages[0]?.id) })) as { body: { nl: string } };
    expect(page.body.nl.length).toBeGreaterThan(0);
  });

  it('filters providers by region, trajectory and accreditation mark together', async () => {
    type P = { id: string; regions: string[]; services: string[]; marks: string[] };
    const all = (await ok('content.providers', {})) as P[];
    const sample = all.at(-1) as P;
    const filter = { region: sample.regions[0] ?? '', trajectory: sample.services[0] as 'loopbaan-apk', mark: sample.marks[0] as 'cmi' };
    const filtered = (await ok('content.providers', filter)) as P[];
    expect(ids(filtered)).toContain(sample.id);
    expect(filtered.length).toBeLessThan(all.length);
    for (const p of filtered) {
      expect(p.regions).toContain(filter.region);
      expect(p.services).toContain(filter.trajectory);
      expect(p.marks).toContain(filter.mark);
    }
    expect(await ok('content.provider', { id: sample.id })).toEqual(sample);
  });

  it('gives the labour market of a region with the region, and this location\'s own details', async () => {
    expect(await ok('content.labourMarket', { region: 'midden-utrecht' })).toMatchObject({ region: { slug: 'midden-utrecht' }, figures: { region: 'midden-utrecht' } });
    expect(await ok('content.location', {})).toMatchObject({ id: 'utrecht-centrum', region: 'midden-utrecht' });
  });

  it('lists open schemes before ended ones', async () => {
    const statuses = ((await ok('content.schemes', {})) as Array<{ status: string }>).map((s) => s.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => (a === b ? 0 : a === 'open' ? -1 : 1)));
    expect(statuses).toContain('ended');
  });

  it('searches in the requested language', async () => {
    const result = (await ok('content.search', { query: 'voucher', language: 'en' })) as { hits: unknown[] };
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('answers not_found for an unknown page, provider or region', async () => {
    expect(await call(demo, 'content.page', { id: 'no-such-page' })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('"no-such-page"') } });
    expect(await call(demo, 'content.provider', { id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(demo, 'content.labourMarket', { region: 'atlantis' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a malformed call at the gate', async () => {
    expect(await demo.dispatch('content.search', { query: 'x', language: 'fr' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await demo.dispatch('content.search', { query: 'x'.repeat(5000), language: 'nl' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await demo.dispatch('content.providers', { mark: 'gold' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('content on a device without a pack', () => {
  it('says content is unavailable instead of failing, and app.info shows no version', async () => {
    expect(await call(empty, 'content.version', {})).toEqual({ ok: true, result: null });
    expect(await call(empty, 'content.topics', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await call(empty, 'content.search', { query: 'voucher', language: 'nl' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await call(empty, 'app.info', {})).toMatchObject({ ok: true, result: { content: null } });
  });

  it('does not trust the dev-only key that signs the sample pack outside demo mode', () => {
    const sample = join(resourcesDir, 'content', 'sample');
    expect(() => empty.content.install(readFileSync(join(sample, 'pack.json')), readFileSync(join(sample, 'pack.sig')))).toThrow(
      /signed with key "dev-only-sample", which this device does not trust/,
    );
  });
});
