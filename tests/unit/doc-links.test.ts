import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

const docs = ['README.md', ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
// Folders a build or a test run makes are not in a clean clone: a doc naming one is describing output.
const generated = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report']);
const topFolders = readdirSync(repoRoot, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.') && !generated.has(e.name)).map((e) => e.name);

const insideRepo = (file: string): boolean => {
  const rel = relative(repoRoot, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
};

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (file: string): Set<string> =>
  new Set(
    readFileSync(file, 'utf8')
      .replace(/```[\s\S]*?```/g, '')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, ''))),
  );

/** "a/{b,c}.ts" -> ["a/b.ts", "a/c.ts"], the shorthand the docs use for sibling files. */
const expandBraces = (path: string): string[] => {
  const match = /\{([^{}]*)\}/.exec(path);
  if (!match) return [path];
  return (match[1] ?? '').split(',').flatMap((part) => expandBraces(path.replace(match[0], part)));
};

/** What each doc points at: markdown links, and repository paths written as code. */
function referencesIn(doc: string): { text: string; problem: string | null }[] {
  const file = join(repoRoot, doc);
  const source = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const found: { text: string; problem: string | null }[] = [];
  for (const [, target] of source.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (!target || /^[a-z]+:/i.test(target)) continue;
    const [path = '', anchor] = target.split('#');
    const resolved = path === '' ? file : resolve(dirname(file), path);
    let problem: string | null = null;
    if (!insideRepo(resolved)) problem = 'points outside the repository';
    else if (!existsSync(resolved)) problem = 'no such file';
    else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) problem = `no heading #${anchor}`;
    found.push({ text: target, problem });
  }
  for (const [, code] of source.matchAll(/`([^`\s]+)`/g)) {
    if (!code) continue;
    if (/^(\/|~|\.\.\/)\S*\.md$/.test(code)) {
      found.push({ text: code, problem: 'a document outside the repository' });
      continue;
    }
    const top = code.split('/')[0] ?? '';
    if (!code.includes('/') || !topFolders.includes(top)) continue;
    for (const path of expandBraces(code)) {
      // A glob names a folder's files: the folder must exist.
      const fixed = path.includes('*') ? path.slice(0, path.indexOf('*')).replace(/[^/]*$/, '') : path;
      found.push({ text: path, problem: insideRepo(join(repoRoot, fixed)) && existsSync(join(repoRoot, fixed)) ? null : 'no such file' });
    }
  }
  return found;
}

describe('the documentation', () => {
  it.each(docs)('%s links only to files (and headings) inside the repository', (doc) => {
    const broken = referencesIn(doc).filter((r) => r.problem !== null).map((r) => `${r.text}: ${r.problem}`);
    expect(broken).toEqual([]);
  });

  it('is what the code points at when a comment names a doc', () => {
    const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
    const missing = sources.flatMap((file) =>
      [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/\bdocs\/[\w-]+\.md\b/g)].map((m) => m[0]).filter((doc) => !existsSync(join(repoRoot, doc))).map((doc) => `${file}: ${doc}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds what it checks: links, anchors and paths written as code', () => {
    const all = docs.flatMap(referencesIn);
    expect(all.some((r) => r.text === 'updates.md')).toBe(true);
    expect(all.filter((r) => r.text.startsWith('electron/')).length).toBeGreaterThan(10);
    expect(slug('Roles and modes (`kiosk`, counter)')).toBe('roles-and-modes-kiosk-counter');
  });
});
