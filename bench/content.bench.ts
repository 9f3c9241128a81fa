import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ContentPack } from '../shared/content/pack-schema';
import { nextTurn } from '../electron/core/clock/clock';
import { openPackStore } from '../electron/core/content/pack-store';
import { verifyPack } from '../electron/core/content/verify-pack';
import { silentLogger } from '../electron/core/log/logger';
import { matchExpression, queryTerms } from '../electron/core/search/query-terms';
import { fixturePack, makeKey, signed } from '../tests/support/content-packs';
import { tempDir } from '../tests/support/paths';
import { rawFtsBuild } from './baselines';
import { percentile, ratioRow, timeIt, type Benchmark, type BenchRow } from './harness';

const pageCount = 10_000;

/** Deterministic, so every run measures the same pack. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const realWords = ['loopbaan', 'voucher', 'opleiding', 'werk', 'financiële', 'uitkering', 'ontwikkeladvies', 'regeling', 'cursus', 'werkgever', 'adviseur', 'gratis', 'privacy', 'café', 'zorg', 'techniek'];

/** 10,000 pages of Dutch-like text over a vocabulary of a few thousand words with a Zipf-like spread. */
function generatedPack(): ContentPack {
  const next = random(42);
  const syllables = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'se', 'ti', 'vo', 'we', 'zee', 'aan', 'ing', 'erk', 'oop', 'ijs', 'sch', 'ver', 'ont', 'gel'];
  const vocabulary = Array.from({ length: 4000 }, (_, i) => {
    let word = '';
    for (let n = 2 + (i % 3); n > 0; n--) word += syllables[Math.floor(next() * syllables.length)];
    return word;
  });
  vocabulary.splice(0, realWords.length, ...realWords);
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 2.5)] ?? 'werk';
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  return fixturePack((pack) => {
    const topics = pack.topics.map((t) => t.id);
    pack.pages = Array.from({ length: pageCount }, (_, i) => ({
      id: `page-${i}`,
      topic: topics[i % topics.length] ?? 'voucher',
      title: { nl: sentence(4), en: sentence(4) },
      summary: { nl: sentence(12), en: sentence(12) },
      body: { nl: `${sentence(40)}.\n\n${sentence(40)}.`, en: `${sentence(40)}.\n\n${sentence(40)}.` },
    }));
  });
}

const queries = ['werk', 'loopb', 'opleiding cursus', 'financiele', 'uitkerign', 'voucher gratis werkgever', 'ontwikkel'];

export const benchmarks: Benchmark[] = [
  {
    name: 'content packs and search',
    async run(): Promise<BenchRow[]> {
      const key = makeKey();
      const pack = generatedPack();
      const { packBytes, sigBytes } = signed(pack, key);
      const sizeNote = `${pageCount} pages, ${(packBytes.byteLength / 1e6).toFixed(1)} MB`;

      const verifySamples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        verifyPack(packBytes, sigBytes, [key.trusted]);
        verifySamples.push(performance.now() - t0);
      }
      const installSamples: number[] = [];
      let dir = tempDir('bench-content');
      let store = openPackStore({ dir, trustedKeys: [key.trusted], logger: silentLogger });
      for (let i = 0; i < 3; i++) {
        store.close();
        dir = tempDir('bench-content');
        store = openPackStore({ dir, trustedKeys: [key.trusted], logger: silentLogger });
        const t0 = performance.now();
        // The download path: the index in steps, the thread handed back between them.
        await store.installInSteps(packBytes, sigBytes, {}, nextTurn);
        installSamples.push(performance.now() - t0);
      }
      const rawSamples = [0, 1, 2].map(() => rawFtsBuild(pack)).sort((a, b) => a - b);
      verifySamples.sort((a, b) => a - b);
      installSamples.sort((a, b) => a - b);

      const active = store.active();
      if (!active) throw new Error('the benchmark pack did not install');
      const raw = new Database(join(dir, 'packs', active.name, 'search.sqlite'), { readonly: true });
      const rawQuery = raw.prepare('SELECT rowid FROM fts_nl WHERE fts_nl MATCH ? ORDER BY rank LIMIT 20');
      let q = 0;
      const baseline = await timeIt('search, raw FTS5 MATCH + ORDER BY rank (baseline)', async () => rawQuery.all(matchExpression(queryTerms(queries[q++ % queries.length] ?? '').map((term) => ({ term, compounds: [] })), 'AND')), 2000);
      q = 0;
      const full = await timeIt('search, content.search (typo step, snippets, segments)', async () => active.search.search(queries[q++ % queries.length] ?? '', { language: 'nl', limit: 20 }), 2000);
      full.ratio = `${((full.p50 ?? 0) / (baseline.p50 ?? 1)).toFixed(1)}x raw FTS5`;
      full.note = `target < 2x raw FTS5; ${full.note ?? ''}`;
      baseline.note = `${baseline.note ?? ''}, ${queries.length} queries in turn, ${sizeNote}`;
      raw.close();
      store.close();
      return [
        baseline,
        full,
        { name: 'pack verify (signature, schema, references)', p50: percentile(verifySamples, 50), p95: percentile(verifySamples, 95), note: `n=3, ${sizeNote}` },
        { name: 'pack install baseline: raw FTS5 build of the same documents (parsed pack, one transaction)', p50: percentile(rawSamples, 50), p95: percentile(rawSamples, 95), note: `n=3, ${sizeNote}` },
        ratioRow(
          { name: 'pack verify + install in steps (files, fsync, search index, swap)', p50: percentile(installSamples, 50), p95: percentile(installSamples, 95), note: `n=3, ${sizeNote}` },
          { name: 'raw', p50: percentile(rawSamples, 50) },
          { by: 'p50', target: 'target < 2x raw FTS5 build', unit: 'raw FTS5 build' },
        ),
      ];
    },
  },
];
