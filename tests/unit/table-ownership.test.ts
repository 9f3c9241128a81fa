import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/store/migrations';
import { buildSearchIndex } from '../../electron/core/search/build-search-index';
import { fixturePack } from '../support/content-packs';
import { repoRoot, tempDir } from '../support/paths';

/**
 * Each table of the device database belongs to one capability folder of the core: only that
 * folder's files hold SQL naming it (docs/architecture.md, "Tables and their owners"). Every other
 * folder calls the owner's repository functions, inside its own transaction where it must be atomic.
 */
const owners: Readonly<Record<string, string>> = {
  meta: 'store',
  outbox: 'outbox',
  audit: 'outbox',
  voucher_requests: 'requests',
  tickets: 'tickets',
  print_jobs: 'printing',
  staff: 'staff',
  hub_kiosks: 'hub',
  hub_erase_orders: 'hub',
  hub_link: 'hub',
  hub_kiosk_counts: 'hub',
  appointments: 'appointments',
  appointment_capacity: 'appointments',
  session_seats: 'appointments',
  appointment_outposts: 'appointments',
  appointment_allowances: 'appointments',
  appointment_allowance_caps: 'appointments',
  appointment_feed: 'appointments',
  invitation_visits: 'invitations',
  feedback_counts: 'feedback',
};
/** The search index is a file of its own, built and read only by the search folder. */
const searchOwner = 'search';

const tablesOf = (db: Database.Database): string[] =>
  db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

/** The device database's tables as the migrations leave them: a new table shows up here by itself. */
function deviceTables(): string[] {
  const db = new Database(':memory:');
  try {
    for (const m of migrations) db.exec(m.sql);
    return tablesOf(db);
  } finally {
    db.close();
  }
}

function searchTables(): string[] {
  const file = join(tempDir('ownership'), 'search.sqlite');
  buildSearchIndex(fixturePack(), file, 'sha');
  const db = new Database(file, { readonly: true });
  try {
    return tablesOf(db);
  } finally {
    db.close();
  }
}

const unowned = (tables: readonly string[]): string[] => tables.filter((t) => !Object.hasOwn(owners, t));

// Any case: lowercase SQL is SQL too. Prose in a string that reads like it ("taken from tickets") is
// reported as well; the tree has none, and rewording a message is cheaper than a blind spot.
const tableAfterKeyword = /\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:(?:main|temp)\.)?["`[]?([A-Za-z_]\w*)/gi;

/**
 * Every table a file's string literals and template texts name in SQL, with its line. Comments
 * are not strings, so a comment that mentions "UPDATE outbox" is no violation.
 */
function sqlTableMentions(fileName: string, text: string): { table: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { table: string; line: number }[] = [];
  const scan = (node: ts.Node, literal: string): void => {
    for (const match of literal.matchAll(tableAfterKeyword)) {
      const table = match[1];
      if (table === undefined) continue;
      found.push({ table, line: source.getLineAndCharacterOfPosition(node.getStart(source) + 1 + (match.index ?? 0)).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      scan(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The capability folder of a file under electron/core (or the top folder under electron/ for the rest). */
function folderOf(path: string): string {
  const parts = path.split('/');
  return parts[1] === 'core' && parts.length > 3 ? (parts[2] ?? '') : (parts[1] ?? '');
}

/** "file:line table (owner: folder)" for every SQL naming a table outside the table's owner folder. */
function ownershipViolations(path: string, text: string, tableOwners: ReadonlyMap<string, string>): string[] {
  return sqlTableMentions(path, text)
    .filter(({ table }) => tableOwners.has(table) && tableOwners.get(table) !== folderOf(path))
    .map(({ table, line }) => `${path}:${line} ${table} (owner: ${tableOwners.get(table) ?? '?'})`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const migrationsFile = 'electron/core/store/migrations.ts';

function tableOwners(): Map<string, string> {
  const map = new Map<string, string>(Object.entries(owners));
  for (const t of searchTables()) map.set(t, searchOwner);
  return map;
}

describe('table ownership', () => {
  it('gives every table the migrations create an owner folder, and names no table they do not create', () => {
    const tables = deviceTables();
    expect(unowned(tables)).toEqual([]);
    expect(Object.keys(owners).filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('finds SQL naming a table only in the folder that owns it', () => {
    const map = tableOwners();
    const violations = sourceFiles(join(repoRoot, 'electron'))
      .map((file) => relative(repoRoot, file).split(sep).join('/'))
      .filter((path) => path !== migrationsFile)
      .flatMap((path) => ownershipViolations(path, readFileSync(join(repoRoot, path), 'utf8'), map));
    expect(violations).toEqual([]);
  });

  it('reports SQL written outside the owner, with file and line, across line breaks, in templates and in lowercase, but not in comments', () => {
    const planted = [
      "// UPDATE outbox SET payload = NULL: a comment is not SQL",
      'const live = db.prepare(`SELECT 1 FROM',
      '  voucher_requests WHERE id = ?`);',
      "const erase = db.prepare(`DELETE FROM outbox WHERE aggregate_id = ${id}`);",
      "const own = db.prepare('SELECT * FROM hub_link');",
      "const lower = db.prepare('select count(*) from tickets');",
    ].join('\n');
    expect(ownershipViolations('electron/core/desk/planted.ts', planted, tableOwners())).toEqual([
      'electron/core/desk/planted.ts:2 voucher_requests (owner: requests)',
      'electron/core/desk/planted.ts:4 outbox (owner: outbox)',
      'electron/core/desk/planted.ts:5 hub_link (owner: hub)',
      'electron/core/desk/planted.ts:6 tickets (owner: tickets)',
    ]);
    expect(ownershipViolations('electron/core/requests/planted.ts', planted, tableOwners())).toEqual([
      'electron/core/requests/planted.ts:4 outbox (owner: outbox)',
      'electron/core/requests/planted.ts:5 hub_link (owner: hub)',
      'electron/core/requests/planted.ts:6 tickets (owner: tickets)',
    ]);
  });

  it('fails on a new table nobody owns, and on the search index\'s tables used outside search', () => {
    const db = new Database(':memory:');
    for (const m of migrations) db.exec(m.sql);
    db.exec('CREATE TABLE waiting_list (id TEXT PRIMARY KEY) STRICT');
    expect(unowned(tablesOf(db))).toEqual(['waiting_list']);
    db.close();
    expect(ownershipViolations('electron/core/content/planted.ts', "db.prepare('SELECT value FROM search_meta')", tableOwners())).toEqual([
      'electron/core/content/planted.ts:1 search_meta (owner: search)',
    ]);
  });
});
