import Database from 'better-sqlite3';
import type { SearchHitKind, SearchResult } from '../../../shared/content/search-result';
import type { LanguageCode } from '../../../shared/contract/languages';
import { searchIndexFormat, searchLanguages } from './build-search-index';
import { markClose, markOpen, toSegments } from './marked-segments';
import { editDistance, matchExpression, queryTerms, trigrams, type QueryTerm } from './query-terms';

export interface SearchOptions {
  language: LanguageCode;
  region?: string | undefined;
  limit: number;
}

export interface SearchIndex {
  search(query: string, options: SearchOptions): SearchResult;
  close(): void;
}

interface Row {
  kind: SearchHitKind;
  ref: string;
  title: string;
  snippet: string;
}

const minTypoLength = 5;
/** Shorter parts ("en", "de", "ing") sit in far too many words to say anything. */
const minCompoundPart = 4;
const maxCompounds = 8;
const snippetTokens = 24;

/** Opens a pack's index read-only; refuses an index of another format or of another pack. */
export function openSearchIndex(file: string, packSha256: string): SearchIndex {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Format 1 kept this in a table named meta, which is the device database's name: its index is rebuilt.
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'").get() !== undefined;
    const meta = new Map(hasMeta ? (db.prepare('SELECT key, value FROM search_meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]) : []);
    if (meta.get('format') !== String(searchIndexFormat)) throw new Error(`search index format ${meta.get('format') ?? 'unknown'}, expected ${searchIndexFormat}`);
    if (meta.get('pack_sha256') !== packSha256) throw new Error('search index belongs to another pack');
  } catch (err) {
    db.close();
    throw err;
  }

  const statements = new Map(
    searchLanguages.map((lang) => [
      lang,
      {
        hits: db.prepare(`
          SELECT d.kind, d.ref,
                 highlight(fts_${lang}, 0, '${markOpen}', '${markClose}') AS title,
                 snippet(fts_${lang}, 1, '${markOpen}', '${markClose}', '…', ${snippetTokens}) AS snippet
          FROM fts_${lang} JOIN docs d ON d.id = fts_${lang}.rowid
          WHERE fts_${lang} MATCH @match AND (@region IS NULL OR d.regions = '' OR instr(d.regions, @region) > 0)
          ORDER BY rank LIMIT @limit`),
        known: db.prepare(`SELECT 1 FROM terms_${lang} WHERE term >= ? AND term < ? LIMIT 1`).pluck(),
        compounds: db.prepare(`SELECT term FROM terms_${lang} WHERE instr(term, ?) > 1 ORDER BY docs DESC, term LIMIT ${maxCompounds}`).pluck(),
        candidates: db.prepare(`
          SELECT g.term AS term, t.docs AS docs FROM grams_${lang} g JOIN terms_${lang} t ON t.term = g.term
          WHERE g.gram IN (SELECT value FROM json_each(@grams)) AND g.len BETWEEN @min AND @max
          GROUP BY g.term ORDER BY count(*) DESC, t.docs DESC LIMIT 100`),
      },
    ]),
  );
  const forLanguage = (language: LanguageCode) => {
    const s = statements.get(language);
    if (!s) throw new Error(`no search index for language ${language}`);
    return s;
  };

  const compoundsOf = (language: LanguageCode, term: string): string[] =>
    term.length < minCompoundPart ? [] : (forLanguage(language).compounds.all(term) as string[]);

  /**
   * A word of 5+ letters that starts no indexed word and sits in none is taken as a typo of the
   * most common word one edit away.
   */
  const correct = (language: LanguageCode, term: string, compounds: readonly string[]): string => {
    const s = forLanguage(language);
    if (term.length < minTypoLength || compounds.length > 0 || s.known.get(term, `${term}\uffff`) !== undefined) return term;
    const candidates = s.candidates.all({ grams: JSON.stringify(trigrams(term)), min: term.length - 1, max: term.length + 1 }) as Array<{ term: string; docs: number }>;
    let best: { term: string; docs: number } | undefined;
    for (const c of candidates) {
      if (editDistance(term, c.term) === 1 && (!best || c.docs > best.docs)) best = c;
    }
    return best?.term ?? term;
  };

  const run = (language: LanguageCode, terms: readonly QueryTerm[], join: 'AND' | 'OR', options: SearchOptions): Row[] =>
    forLanguage(language).hits.all({ match: matchExpression(terms, join), region: options.region ? `,${options.region},` : null, limit: options.limit }) as Row[];

  return {
    search(query, options) {
      const typed = queryTerms(query);
      if (typed.length === 0) return { correctedQuery: null, hits: [] };
      const terms = typed.map((typedTerm): QueryTerm => {
        const compounds = compoundsOf(options.language, typedTerm);
        const term = correct(options.language, typedTerm, compounds);
        return { term, compounds: term === typedTerm ? compounds : compoundsOf(options.language, term) };
      });
      let rows = run(options.language, terms, 'AND', options);
      // Two words that never meet on one page still each find something useful.
      if (rows.length === 0 && terms.length > 1) rows = run(options.language, terms, 'OR', options);
      return {
        correctedQuery: terms.some((t, i) => t.term !== typed[i]) ? terms.map((t) => t.term).join(' ') : null,
        hits: rows.map((r) => ({ kind: r.kind, id: r.ref, title: toSegments(r.title), snippet: toSegments(r.snippet) })),
      };
    },
    close: () => db.close(),
  };
}
