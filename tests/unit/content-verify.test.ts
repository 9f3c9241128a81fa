import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../electron/core/content/check-references';
import { compareVersions } from '../../electron/core/content/compare-versions';
import { PackRejected, type PackRejectReason } from '../../electron/core/content/pack-rejected';
import { verifyPack } from '../../electron/core/content/verify-pack';
import { fixturePack, makeKey, signed, type SignedPack } from '../support/content-packs';

const key = makeKey();
const trusted = [key.trusted];

function rejection(pack: SignedPack, keys = trusted): PackRejected {
  try {
    verifyPack(pack.packBytes, pack.sigBytes, keys);
  } catch (err) {
    expect(err).toBeInstanceOf(PackRejected);
    return err as PackRejected;
  }
  throw new Error('expected the pack to be rejected');
}

const expectReason = (pack: SignedPack, reason: PackRejectReason, message: RegExp, keys = trusted) => {
  const err = rejection(pack, keys);
  expect(err.reason).toBe(reason);
  expect(err.message).toMatch(message);
  return err;
};

describe('pack verification', () => {
  it('accepts a pack signed by a trusted key and returns it parsed', () => {
    const good = signed(fixturePack(), key);
    const verified = verifyPack(good.packBytes, good.sigBytes, trusted);
    expect(verified.pack.version).toBe('2026.11.0-sample');
    expect(verified.pack.regions.find((r) => r.slug === 'midden-utrecht')?.aliases).toEqual([]);
  });

  it('rejects a body changed after signing, even when the change is one letter of valid JSON', () => {
    const good = signed(fixturePack(), key);
    const tampered = Buffer.from(good.packBytes.toString('utf8').replace('Wat is de loopbaanvoucher?', 'Wat is de loopbaanvouchEr?'));
    expect(tampered.equals(good.packBytes)).toBe(false);
    expectReason({ packBytes: tampered, sigBytes: good.sigBytes }, 'bad_signature', /changed after it was signed/);
  });

  it('rejects a pack signed by another key under a trusted key id', () => {
    const impostor = makeKey('test-key');
    expectReason(signed(fixturePack(), impostor), 'bad_signature', /signature does not match/);
  });

  it('rejects a key id the device does not trust', () => {
    expectReason(signed(fixturePack(), makeKey('someone-else')), 'untrusted_key', /"someone-else", which this device does not trust/);
    expectReason(signed(fixturePack(), key), 'untrusted_key', /does not trust/, []);
  });

  it('says a truncated download is incomplete, with how much arrived', () => {
    const good = signed(fixturePack(), key);
    const truncated = good.packBytes.subarray(0, 1000);
    expectReason({ packBytes: truncated, sigBytes: good.sigBytes }, 'incomplete', new RegExp(`1000 of ${good.packBytes.byteLength} bytes`));
  });

  it('rejects a missing or mangled signature file', () => {
    const good = signed(fixturePack(), key);
    expectReason({ packBytes: good.packBytes, sigBytes: Buffer.from('') }, 'signature_unreadable', /not valid JSON/);
    const sig = JSON.parse(good.sigBytes.toString()) as Record<string, unknown>;
    const err = expectReason({ packBytes: good.packBytes, sigBytes: Buffer.from(JSON.stringify({ ...sig, algorithm: 'rsa' })) }, 'signature_unreadable', /expected fields/);
    expect(err.issues.map((i) => i.path)).toEqual(['algorithm']);
  });

  it('rejects signed bytes that are not JSON', () => {
    expectReason(signed('{"format":1,', key), 'not_json', /not valid JSON/);
  });

  it('rejects a signed pack that breaks the schema, naming every bad field', () => {
    const bad = fixturePack();
    const raw = { ...bad, version: 'latest', providers: bad.providers.map((p, i) => (i === 1 ? { ...p, marks: ['gold-star'] } : p)) };
    const err = expectReason(signed(raw, key), 'schema', /2 problem\(s\)\), first: version: expected a version such as "2026.11.0"/);
    expect(err.issues.map((i) => i.path)).toEqual(['version', 'providers[1].marks[0]']);
  });

  it('rejects a dangling reference, naming where it is', () => {
    const pack = fixturePack((p) => {
      p.providers[2]?.regions.push('atlantis');
    });
    const err = expectReason(signed(pack, key), 'reference', /providers\[2\]\.regions: region "atlantis" does not exist in this pack/);
    expect(err.issues).toHaveLength(1);
  });

  it('rejects a rule set whose rules ask a question it does not have', () => {
    const pack = fixturePack();
    const raw = { ...pack, eligibility: { ...pack.eligibility, questions: pack.eligibility.questions.filter((q) => q.kind !== 'date') } };
    const err = expectReason(signed(raw, key), 'schema', /eligibility\.rules\[\d+\]\.question: rule refers to question "\w+", which does not exist/);
    expect(err.issues.every((i) => i.path.startsWith('eligibility.rules['))).toBe(true);
  });

  it('refuses an oversized pack before reading its signature', () => {
    expectReason({ packBytes: Buffer.alloc(64 * 1024 * 1024 + 1), sigBytes: Buffer.from('') }, 'too_large', /limit/);
  });
});

describe('references between items', () => {
  it('finds nothing wrong in the fixture pack', () => {
    expect(checkReferences(fixturePack())).toEqual([]);
  });

  it('names every kind of dangling link and repeated id', () => {
    const pack = fixturePack((p) => {
      const page = p.pages[0];
      if (page) {
        page.topic = 'unknown-topic';
        page.regions = ['nowhere'];
      }
      p.pages.push({ ...(p.pages[1] as (typeof p.pages)[number]) });
      p.regions.push({ slug: 'regio-zwolle', name: 'Zwolle again', aliases: [] });
      const market = p.labourMarket[0];
      if (market) market.region = 'lost-region';
      const location = p.locations[0];
      if (location) location.region = 'lost-region';
      p.scope = 'region:elsewhere';
    });
    expect(checkReferences(pack).map((i) => `${i.path}: ${i.message}`).sort()).toEqual(
      [
        'labourMarket[0].region: region "lost-region" does not exist in this pack',
        'locations[0].region: region "lost-region" does not exist in this pack',
        'pages[0].regions: region "nowhere" does not exist in this pack',
        'pages[0].topic: topic "unknown-topic" does not exist in this pack',
        'pages[6]: page id "drie-trajecten" is used twice (first at pages[1])',
        'regions[3]: region slug "regio-zwolle" is used twice (first at regions[1])',
        'scope: region "elsewhere" does not exist in this pack',
      ].sort(),
    );
  });
});

describe('pack versions', () => {
  it('orders by year, month and number, a suffixed version before the plain one', () => {
    const sorted = ['2026.11.0', '2026.2.3', '2026.11.0-sample', '2025.12.9', '2026.11.10', '2026.11.0-rc.1'].sort(compareVersions);
    expect(sorted).toEqual(['2025.12.9', '2026.2.3', '2026.11.0-rc.1', '2026.11.0-sample', '2026.11.0', '2026.11.10']);
  });
});
