import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTurn } from '../../electron/core/clock/clock';
import { PackRejected } from '../../electron/core/content/pack-rejected';
import { openPackStore, type PackStore } from '../../electron/core/content/pack-store';
import { silentLogger } from '../../electron/core/log/logger';
import { fixturePack, makeKey, signed } from '../support/content-packs';
import { tempDir } from '../support/paths';

const key = makeKey();
const opened: PackStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function open(dir = tempDir('steps')): PackStore {
  const store = openPackStore({ dir, trustedKeys: [key.trusted], logger: silentLogger });
  opened.push(store);
  return store;
}

/** A pack whose index takes many steps to build: 2,000 pages, each titled with the pack's own word. */
const bigPack = (version: string, word: string) =>
  signed(
    fixturePack((p) => {
      p.version = version;
      const topic = p.topics[0]?.id ?? 'voucher';
      p.pages = Array.from({ length: 2000 }, (_, i) => ({
        id: `page-${i}`,
        topic,
        title: { nl: `${word} pagina ${i}`, en: `${word} page ${i}` },
        summary: { nl: `Over ${word} en werk, deel ${i}.`, en: `About ${word} and work, part ${i}.` },
        body: { nl: `Dit gaat over ${word}, loopbaan en opleiding nummer ${i}.`, en: `This is about ${word}, career and training number ${i}.` },
      }));
    }),
    key,
  );

const hits = (store: PackStore, query: string): number => store.active()?.search.search(query, { language: 'nl', limit: 5 }).hits.length ?? 0;

describe('installing a pack in steps', () => {
  it('keeps answering searches from the active pack while the new one is built, then swaps to it', async () => {
    const store = open();
    const old = bigPack('2026.11.1', 'appelboom');
    store.install(old.packBytes, old.sigBytes);
    const next = bigPack('2026.12.0', 'perenboom');

    let done = false;
    const installing = store.installInSteps(next.packBytes, next.sigBytes, {}, nextTurn).finally(() => (done = true));
    const during: Array<{ version: string | undefined; oldHits: number; newHits: number }> = [];
    while (!done) {
      during.push({ version: store.active()?.pack.version, oldHits: hits(store, 'appelboom'), newHits: hits(store, 'perenboom') });
      await nextTurn();
    }
    expect(await installing).toEqual({ status: 'installed', version: '2026.12.0' });
    // A synchronous install would leave no turn for a search: `during` would hold one entry at most.
    expect(during.length).toBeGreaterThan(10);
    expect(during.every((d) => d.version === '2026.11.1' && d.oldHits === 5 && d.newHits === 0)).toBe(true);
    expect(store.active()?.pack.version).toBe('2026.12.0');
    expect(hits(store, 'perenboom')).toBe(5);
    expect(hits(store, 'appelboom')).toBe(0);
  });

  it('refuses at the swap a pack that became older while it was built, and leaves no staging behind', async () => {
    const dir = tempDir('steps');
    const store = open(dir);
    const slow = bigPack('2026.12.0', 'perenboom');
    const installing = store.installInSteps(slow.packBytes, slow.sigBytes, {}, nextTurn);
    const newer = bigPack('2027.01.0', 'kersenboom');
    await nextTurn();
    store.install(newer.packBytes, newer.sigBytes);
    await expect(installing).rejects.toSatisfy((err) => err instanceof PackRejected && err.reason === 'older_than_active');
    expect(store.active()?.pack.version).toBe('2027.01.0');
    expect(hits(store, 'kersenboom')).toBe(5);
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });
});
