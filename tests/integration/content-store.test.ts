import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PackRejected, type PackRejectReason } from '../../electron/core/content/pack-rejected';
import { openPackStore, type PackStore, type PackStoreOptions } from '../../electron/core/content/pack-store';
import { createLogger } from '../../electron/core/log/logger';
import { fixturePack, makeKey, signed, type SignedPack } from '../support/content-packs';
import { tempDir } from '../support/paths';

const key = makeKey();
const opened: PackStore[] = [];
const logLines: string[] = [];

function open(dir: string, extra: Partial<PackStoreOptions> = {}): PackStore {
  const store = openPackStore({ dir, trustedKeys: [key.trusted], logger: createLogger((l) => logLines.push(l)), ...extra });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

const version = (v: string, title = 'Wat is de loopbaanvoucher?') =>
  signed(
    fixturePack((p) => {
      p.version = v;
      const page = p.pages[0];
      if (page) page.title.nl = title;
    }),
    key,
  );

const state = (dir: string) => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { active: string; previous: string | null };
const searchTitles = (store: PackStore, query: string) =>
  store.active()?.search.search(query, { language: 'nl', limit: 10 }).hits.map((h) => h.title.map((s) => s.text).join('')) ?? [];

function installRejected(store: PackStore, pack: SignedPack): PackRejectReason {
  try {
    store.install(pack.packBytes, pack.sigBytes);
  } catch (err) {
    if (err instanceof PackRejected) return err.reason;
    throw err;
  }
  throw new Error('expected the install to be refused');
}

describe('the pack store', () => {
  it('installs a verified pack with its search index and finds it again after a restart', () => {
    const dir = tempDir('store');
    expect(open(dir).install(version('2026.11.1').packBytes, version('2026.11.1').sigBytes)).toEqual({ status: 'installed', version: '2026.11.1' });
    opened.pop()?.close();
    const again = open(dir);
    expect(again.active()?.pack.version).toBe('2026.11.1');
    expect(searchTitles(again, 'loopbaanvoucher')).toEqual(['Wat is de loopbaanvoucher?']);
  });

  it('leaves the active pack, its files and its search untouched when a new pack is refused', () => {
    const dir = tempDir('store');
    const store = open(dir);
    const v1 = version('2026.11.1');
    store.install(v1.packBytes, v1.sigBytes);
    const before = { state: readFileSync(join(dir, 'state.json'), 'utf8'), packs: readdirSync(join(dir, 'packs')) };

    const v2 = version('2026.12.0', 'Nieuwe titel');
    const tampered = { packBytes: Buffer.from(v2.packBytes.toString().replace('Nieuwe titel', 'Nieuwe titeL')), sigBytes: v2.sigBytes };
    const dangling = signed(fixturePack((p) => {
      p.version = '2026.12.0';
      p.locations = p.locations.map((l) => ({ ...l, region: 'nergens' }));
    }), key);
    const schemaBroken = signed({ ...fixturePack(), version: '2026.12.0', topics: [] }, key);
    expect(installRejected(store, tampered)).toBe('bad_signature');
    expect(installRejected(store, signed(fixturePack(), makeKey()))).toBe('bad_signature');
    expect(installRejected(store, { packBytes: v2.packBytes.subarray(0, 500), sigBytes: v2.sigBytes })).toBe('incomplete');
    expect(installRejected(store, schemaBroken)).toBe('schema');
    expect(installRejected(store, dangling)).toBe('reference');
    expect(installRejected(store, version('2026.10.0'))).toBe('older_than_active');

    expect(store.active()?.pack.version).toBe('2026.11.1');
    expect(searchTitles(store, 'loopbaanvoucher')).toEqual(['Wat is de loopbaanvoucher?']);
    expect({ state: readFileSync(join(dir, 'state.json'), 'utf8'), packs: readdirSync(join(dir, 'packs')) }).toEqual(before);
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });

  it('treats the same pack again as unchanged', () => {
    const store = open(tempDir('store'));
    const v1 = version('2026.11.1');
    store.install(v1.packBytes, v1.sigBytes);
    expect(store.install(v1.packBytes, v1.sigBytes)).toEqual({ status: 'unchanged', version: '2026.11.1' });
  });

  it('keeps exactly the previous pack as a fallback', () => {
    const dir = tempDir('store');
    const store = open(dir);
    for (const v of ['2026.11.1', '2026.11.2', '2026.11.3']) store.install(version(v).packBytes, version(v).sigBytes);
    const { active, previous } = state(dir);
    expect(active).toMatch(/^2026\.11\.3-/);
    expect(previous).toMatch(/^2026\.11\.2-/);
    expect(readdirSync(join(dir, 'packs')).sort()).toEqual([previous, active].sort());
  });

  it('rolls back when the new pack fails to load after the swap', () => {
    const dir = tempDir('store');
    const store = open(dir, {
      afterSwap: (packDir) => {
        if (packDir.includes('2026.12.0')) writeFileSync(join(packDir, 'pack.json'), '{"damaged on disk": true}');
      },
    });
    const v1 = version('2026.11.1');
    store.install(v1.packBytes, v1.sigBytes);
    const v2 = version('2026.12.0', 'Nieuwe titel');
    let error: unknown;
    try {
      store.install(v2.packBytes, v2.sigBytes);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PackRejected);
    expect((error as PackRejected).reason).toBe('load_failed');
    expect((error as PackRejected).message).toMatch(/previous pack is active again/);
    expect(store.active()?.pack.version).toBe('2026.11.1');
    expect(searchTitles(store, 'loopbaanvoucher')).toEqual(['Wat is de loopbaanvoucher?']);
    expect(state(dir).active).toMatch(/^2026\.11\.1-/);
    expect(readdirSync(join(dir, 'packs')).some((d) => d.startsWith('2026.12.0'))).toBe(false);

    opened.pop()?.close();
    expect(open(dir).active()?.pack.version).toBe('2026.11.1');
  });

  it('falls back to the previous pack at start-up when the active one was damaged on disk', () => {
    const dir = tempDir('store');
    const store = open(dir);
    store.install(version('2026.11.1').packBytes, version('2026.11.1').sigBytes);
    store.install(version('2026.11.2').packBytes, version('2026.11.2').sigBytes);
    const damaged = state(dir).active;
    opened.pop()?.close();
    const file = join(dir, 'packs', damaged, 'pack.json');
    writeFileSync(file, readFileSync(file).subarray(0, 2000));

    const reopened = open(dir);
    expect(reopened.active()?.pack.version).toBe('2026.11.1');
    expect(state(dir)).toEqual({ active: expect.stringMatching(/^2026\.11\.1-/), previous: null });
    expect(existsSync(join(dir, 'packs', damaged))).toBe(false);
    expect(logLines.some((l) => l.includes('rolled back to the previous content pack'))).toBe(true);
  });

  it('stops trusting a pack on disk whose key the device no longer trusts', () => {
    const dir = tempDir('store');
    open(dir).install(version('2026.11.1').packBytes, version('2026.11.1').sigBytes);
    opened.pop()?.close();
    expect(open(dir, { trustedKeys: [makeKey('new-key').trusted] }).active()).toBeNull();
  });

  it('rebuilds a search index that went missing instead of dropping the pack', () => {
    const dir = tempDir('store');
    open(dir).install(version('2026.11.1').packBytes, version('2026.11.1').sigBytes);
    opened.pop()?.close();
    rmSync(join(dir, 'packs', state(dir).active, 'search.sqlite'));
    expect(searchTitles(open(dir), 'loopbaanvoucher')).toEqual(['Wat is de loopbaanvoucher?']);
  });

  it('rebuilds a search index an older app built (its table named meta, format 1) instead of misreading it', () => {
    const dir = tempDir('store');
    open(dir).install(version('2026.11.1').packBytes, version('2026.11.1').sigBytes);
    opened.pop()?.close();
    const file = join(dir, 'packs', state(dir).active, 'search.sqlite');
    const old = new Database(file);
    old.exec("ALTER TABLE search_meta RENAME TO meta; UPDATE meta SET value = '1' WHERE key = 'format'");
    old.close();
    expect(searchTitles(open(dir), 'loopbaanvoucher')).toEqual(['Wat is de loopbaanvoucher?']);
    const rebuilt = new Database(file, { readonly: true });
    expect(rebuilt.prepare("SELECT name FROM sqlite_master WHERE name IN ('meta', 'search_meta')").pluck().all()).toEqual(['search_meta']);
    rebuilt.close();
  });

  it('throws away what a crash left half-installed', () => {
    const dir = tempDir('store');
    open(dir);
    opened.pop()?.close();
    writeFileSync(join(dir, 'incoming', 'half.json'), '{');
    open(dir);
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });
});
