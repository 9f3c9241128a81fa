import { isStaffKey, staffLanguages } from '../support/staff-words';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/contract/languages';
import { repoRoot } from '../support/paths';

const localesDir = join(repoRoot, 'renderer', 'src', 'i18n', 'locales');
type Tree = { [key: string]: string | Tree };
const load = (code: string): Tree => JSON.parse(readFileSync(join(localesDir, `${code}.json`), 'utf8')) as Tree;

/** Keys with the plural suffix taken off, since languages have different plural forms. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return typeof value === 'string' ? [path] : keys(value, `${path}.`);
  });
}

describe('kiosk translations', () => {
  const dutch = new Set(keys(load('nl')));

  it('has a translation file for every language in the list, and no file without an entry', () => {
    for (const { code } of languages) expect(existsSync(join(localesDir, `${code}.json`)), code).toBe(true);
    const files = readdirSync(localesDir).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(languages.map((l) => l.code).sort());
  });

  const isDesk = isStaffKey;

  for (const { code } of languages) {
    it(`${code} has exactly the Dutch keys${staffLanguages.has(code) ? '' : ' (visitor screens only)'}`, () => {
      const own = new Set(keys(load(code)));
      const expected = [...dutch].filter((k) => staffLanguages.has(code) || !isDesk(k));
      expect(expected.filter((k) => !own.has(k)), 'missing').toEqual([]);
      expect([...own].filter((k) => !expected.includes(k)), 'unknown').toEqual([]);
    });
  }

  it('gives Arabic every plural form it needs', () => {
    const idle = load('ar').idle as Tree;
    for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(idle, form).toHaveProperty(`countdown_${form}`);
  });

  it('writes the languages right to left only where they are', () => {
    expect(languages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
  });
});
