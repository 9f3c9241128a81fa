import Database from 'better-sqlite3';
import type { ContentPack } from '../../../shared/content/pack-schema';
import { LanguageCode } from '../../../shared/contract/languages';
import { searchDocuments } from './search-documents';
import { trigrams } from './query-terms';

/**
 * Bumped when the index layout changes, so an index built by an older app is rebuilt, not misread.
 * 3: a table for every language of the list (Turkish, Polish and Ukrainian added), and a hidden
 *    keywords column so snippets come from the visible text only.
 */
export const searchIndexFormat = 3;
export const searchLanguages: readonly LanguageCode[] = LanguageCode.options;
/** bm25 weights per column: a match in the title counts this many times a match in the body. */
export const titleWeight = 8;

/** Documents put in per step of a build in steps: small enough that a search waits only a few ms for one. */
const docsPerStep = 200;

/**
 * Builds the search index of one pack into a new SQLite file: one FTS5 table per language
 * (accents folded, prefix indexes for search-as-you-type, bm25 with a title boost as the
 * default rank), plus per language the vocabulary and its trigrams for the typo step.
 */
export function buildSearchIndex(pack: ContentPack, file: string, packSha256: string): void {
  const steps = searchIndexSteps(pack, file, packSha256);
  while (steps.next().done !== true);
}

/**
 * The same build, handing the thread back between steps (`pause`), so the core answers searches
 * of the active pack and other calls while a new pack's index is built.
 */
export async function buildSearchIndexInSteps(pack: ContentPack, file: string, packSha256: string, pause: () => Promise<void>): Promise<void> {
  const steps = searchIndexSteps(pack, file, packSha256);
  try {
    while (steps.next().done !== true) await pause();
  } finally {
    // A failed pause still closes the index file (the generator's finally).
    steps.return(undefined);
  }
}

function* searchIndexSteps(pack: ContentPack, file: string, packSha256: string): Generator<void, void, void> {
  const db = new Database(file);
  try {
    // A half-built index is thrown away with its staging folder, so no journal is needed.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`
      CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE docs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, regions TEXT NOT NULL);
    `);
    for (const lang of searchLanguages) {
      db.exec(`
        CREATE VIRTUAL TABLE fts_${lang} USING fts5(title, body, keywords, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
        CREATE TABLE terms_${lang} (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE grams_${lang} (gram TEXT NOT NULL, len INTEGER NOT NULL, term TEXT NOT NULL, PRIMARY KEY (gram, len, term)) WITHOUT ROWID;
      `);
    }
    const insertDoc = db.prepare('INSERT INTO docs (id, kind, ref, regions) VALUES (?, ?, ?, ?)');
    const insertText = Object.fromEntries(
      searchLanguages.map((lang) => [lang, db.prepare(`INSERT INTO fts_${lang} (rowid, title, body, keywords) VALUES (?, ?, ?, ?)`)]),
    );
    // One transaction over every step (db.transaction cannot span a yield): nobody else opens this file.
    db.exec('BEGIN');
    const documents = searchDocuments(pack);
    for (const [i, doc] of documents.entries()) {
      const id = i + 1;
      insertDoc.run(id, doc.kind, doc.ref, doc.regions);
      for (const lang of searchLanguages) insertText[lang]?.run(id, doc.title(lang), doc.body(lang), doc.keywords);
      if (id % docsPerStep === 0) yield;
    }
    for (const lang of searchLanguages) {
      db.exec(`INSERT INTO fts_${lang} (fts_${lang}, rank) VALUES ('rank', 'bm25(${titleWeight}, 1, 1)')`);
      db.exec(`INSERT INTO fts_${lang} (fts_${lang}) VALUES ('optimize')`);
      yield;
      db.exec(`CREATE VIRTUAL TABLE temp.vocab_${lang} USING fts5vocab(main, fts_${lang}, 'row')`);
      db.exec(`INSERT INTO terms_${lang} (term, docs) SELECT term, doc FROM temp.vocab_${lang}`);
      const insertGram = db.prepare(`INSERT OR IGNORE INTO grams_${lang} (gram, len, term) VALUES (?, ?, ?)`);
      // Only words a typo can be corrected to: the step applies to words of 5+ letters, so
      // candidates are 4+ letters long.
      const terms = db.prepare(`SELECT term FROM terms_${lang} WHERE length(term) >= 4`).pluck().all() as string[];
      for (const [i, term] of terms.entries()) {
        for (const gram of trigrams(term)) insertGram.run(gram, term.length, term);
        if ((i + 1) % (docsPerStep * 10) === 0) yield;
      }
      yield;
    }
    db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?), (?, ?)').run('format', String(searchIndexFormat), 'pack_sha256', packSha256);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}
