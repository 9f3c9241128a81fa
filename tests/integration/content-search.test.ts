import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/content/search-result';
import { buildSearchIndex } from '../../electron/core/search/build-search-index';
import { openSearchIndex, type SearchIndex, type SearchOptions } from '../../electron/core/search/search-index';
import { fixturePack } from '../support/content-packs';
import { tempDir } from '../support/paths';

let index: SearchIndex;

beforeAll(() => {
  const file = join(tempDir('search'), 'search.sqlite');
  buildSearchIndex(fixturePack(), file, 'f'.repeat(64));
  index = openSearchIndex(file, 'f'.repeat(64));
});

afterAll(() => index.close());

const search = (query: string, options: Partial<SearchOptions> = {}) => index.search(query, { language: 'nl', limit: 20, ...options });
const ids = (query: string, options: Partial<SearchOptions> = {}) => search(query, options).hits.map((h) => `${h.kind}:${h.id}`);
const marked = (segments: SearchHit['title']) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('search', () => {
  it('ignores accents both ways: "financiele" finds "Financiële", "cafe" finds "café"', () => {
    expect(ids('financiele')).toEqual(['page:financiele-hulp']);
    expect(ids('FINANCIËLE')).toEqual(['page:financiele-hulp']);
    const hit = search('cafe').hits[0];
    expect(hit?.id).toBe('financiele-hulp');
    expect(marked(hit?.snippet ?? [])).toContain('[café]');
  });

  it('finds words from their first letters while the visitor types', () => {
    expect(ids('banenm')).toEqual(['page:zwolle-banenmarkt']);
    expect(ids('priv')).toEqual(['page:je-gegevens']);
    expect(ids('opleidingsf')).toEqual(['scheme:sectorfonds']);
  });

  it('finds a word inside Dutch compounds, and does not take such a word for a typo', () => {
    const voucher = search('voucher');
    expect(voucher.hits[0]?.id).toBe('wat-is-de-voucher');
    expect(marked(voucher.hits[0]?.title ?? [])).toBe('Wat is de [loopbaanvoucher]?');
    const fonds = search('fonds');
    expect(fonds.correctedQuery).toBeNull();
    expect(fonds.hits.map((h) => h.id)).toEqual(['sectorfonds']);
    expect(ids('advies')).toEqual(expect.arrayContaining(['page:drie-trajecten', 'provider:koers-loopbaanadvies', 'provider:isala-leerhuis']));
  });

  it('forgives one typo in a word of five letters or more and says what it searched for', () => {
    const result = search('vertrouwlijk');
    expect(result.correctedQuery).toBe('vertrouwelijk');
    expect(result.hits.map((h) => h.id)).toEqual(['je-gegevens']);
    expect(search('uitkerign').correctedQuery).toBe('uitkering');
    expect(search('uitkerign').hits[0]?.id).toBe('werken-met-uitkering');
  });

  it('does not "correct" short words or words that exist', () => {
    expect(search('geld').correctedQuery).toBeNull();
    expect(search('gelt').hits).toEqual([]);
    expect(search('voucher').correctedQuery).toBeNull();
  });

  it('searches the chosen language: the same page in Dutch and English', () => {
    expect(ids('vertrouwelijk')).toEqual(['page:je-gegevens']);
    expect(ids('confidential', { language: 'en' })).toEqual(['page:je-gegevens']);
    expect(ids('confidential', { language: 'nl' })).toEqual([]);
    expect(marked(search('privacy', { language: 'en' }).hits[0]?.title ?? [])).toBe('Your data and [privacy]');
  });

  it('ranks a match in the title above matches in the body', () => {
    expect(ids('uitkering')).toEqual(['page:werken-met-uitkering']);
    expect(ids('opleiding')[0]).toBe('scheme:sectorfonds');
    expect(ids('advice', { language: 'en' })[0]).toBe('page:drie-trajecten');
    const training = ids('training', { language: 'en' });
    expect(training[0]).toBe('scheme:sectorfonds');
    expect(training.slice(1).sort()).toEqual(['page:drie-trajecten', 'page:financiele-hulp', 'provider:isala-leerhuis', 'provider:mijnwerk-heerlen']);
  });

  it('finds providers by place and region name, also by an older name of the region', () => {
    expect(ids('heerlen')).toEqual(['provider:mijnwerk-heerlen']);
    expect(ids('ijsselvechtstreek')).toEqual(['provider:isala-leerhuis']);
  });

  it('shows snippets of text the visitor can see on the page, never the words only search knows', () => {
    // Found by the region's older name, which is nowhere on the provider's screen.
    const hit = search('ijsselvechtstreek').hits[0];
    const snippet = marked(hit?.snippet ?? []);
    expect(snippet.toLowerCase()).not.toContain('ijsselvechtstreek');
    expect(snippet).not.toContain('[');
    expect(snippet.length).toBeGreaterThan(10);
    for (const hit of search('advies').hits) expect(marked(hit.snippet)).not.toMatch(/ontwikkeladvies, |loopbaanadvies, /);
  });

  it('keeps another region\'s pages and providers out when a region is given', () => {
    expect(ids('zwolle')).toEqual(['page:zwolle-banenmarkt', 'provider:isala-leerhuis']);
    expect(ids('zwolle', { region: 'midden-utrecht' })).toEqual([]);
    expect(ids('loopbaan apk', { region: 'midden-utrecht' }).sort()).toEqual(['page:drie-trajecten', 'provider:koers-loopbaanadvies', 'provider:mijnwerk-heerlen']);
  });

  it('returns highlighted segments, never markup', () => {
    const hit = search('<b>banenmarkt</b>').hits[0];
    expect(marked(hit?.title ?? [])).toBe('[Banenmarkt] in Zwolle');
    const text = [...(hit?.title ?? []), ...(hit?.snippet ?? [])].map((seg) => seg.text).join('');
    expect(text).not.toContain('<');
    expect([...text].filter((ch) => ch.charCodeAt(0) < 0x20)).toEqual([]);
  });

  it('answers an empty, very long or syntax-like query with a clean empty result', () => {
    const empty = { correctedQuery: null, hits: [] };
    for (const query of ['', '   ', 'x', '"', '*', '()', 'NEAR(', 'title:', '^', 'a'.repeat(1000), 'voucher '.repeat(40), '\'; DROP TABLE docs; --', '") OR 1=1 --', '\u0000\u0002']) {
      expect(search(query), JSON.stringify(query)).toEqual(empty);
    }
  });

  it('reads quotes, stars and colons around words as plain words, not as FTS5 syntax', () => {
    expect(ids('voucher gratis')).toEqual(['page:wat-is-de-voucher', 'page:werken-met-uitkering']);
    expect(ids('"voucher" gratis*')).toEqual(ids('voucher gratis'));
    expect(ids('title:gratis')).toEqual(ids('title gratis'));
    expect(ids('title:gratis')).toContain('page:wat-is-de-voucher');
  });
});
