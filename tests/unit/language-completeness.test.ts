import { isStaffKey, staffLanguages } from '../support/staff-words';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/contract/languages';
import { repoRoot } from '../support/paths';

/**
 * Every offered language is complete: every key of nl.json in every locale file with the same
 * interpolation variables and the plural forms the language needs, and every text of the content
 * pack in every language. Failures list exactly what is missing, per language, so whoever merges
 * new keys can fill them in one go.
 */

const codes = languages.map((l) => l.code);
const localesDir = join(repoRoot, 'renderer', 'src', 'i18n', 'locales');
type Tree = { [key: string]: string | Tree };
const loadLocale = (code: string): Tree => JSON.parse(readFileSync(join(localesDir, `${code}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
/** `{{date, datetime}}` is the variable `date`. */
const variables = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([^,}\s]+)/g)].map((m) => m[1] ?? ''))].sort();

const isDesk = isStaffKey;

/** Problems of one locale against Dutch, as readable lines ("missing: home.title"). */
function localeProblems(code: string): string[] {
  const dutch = flatten(loadLocale('nl'));
  const own = flatten(loadLocale(code));
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const problems: string[] = [];
  const expected = new Set<string>();

  for (const [key, text] of dutch) {
    if (isDesk(key) && !staffLanguages.has(code)) continue;
    const plural = pluralSuffix.exec(key);
    if (!plural) {
      expected.add(key);
      const translated = own.get(key);
      if (translated === undefined) problems.push(`missing: ${key}`);
      else if (variables(translated).join() !== variables(text).join())
        problems.push(`variables differ: ${key} has {${variables(translated).join(', ')}}, nl has {${variables(text).join(', ')}}`);
      continue;
    }
    // Plural keys: the language's own forms (Polish one/few/many/other, Arabic all six), checked once per base key.
    if (plural[1] !== 'other') continue;
    const base = key.slice(0, plural.index);
    const needed = variables(text).filter((v) => v !== 'count').join();
    for (const form of categories) {
      const formKey = `${base}_${form}`;
      expected.add(formKey);
      const translated = own.get(formKey);
      // A "one" or "two" form may spell the number out, so only `count` may be left out.
      if (translated === undefined) problems.push(`missing plural form: ${formKey}`);
      else if (variables(translated).filter((v) => v !== 'count').join() !== needed) problems.push(`variables differ: ${formKey}`);
    }
  }
  for (const key of own.keys()) if (!expected.has(key)) problems.push(`not in nl.json${pluralSuffix.test(key) ? ` (or not a plural form of ${code})` : ''}: ${key}`);
  return problems;
}

interface ContentText {
  where: string;
  text: Record<string, string>;
}

/**
 * Every LocalizedText in a JSON document: an object with a Dutch string whose values are all
 * strings. Paths name items by id ("pages[voucher-what].title") so a failure can be found.
 */
function contentTexts(value: unknown, where: string, out: ContentText[] = []): ContentText[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const id = typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : String(i);
      contentTexts(item, `${where}[${id}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (typeof (value as Record<string, unknown>).nl === 'string' && entries.every(([, v]) => typeof v === 'string')) {
      out.push({ where, text: value as Record<string, string> });
    } else {
      for (const [key, v] of entries) contentTexts(v, where === '' ? key : `${where}.${key}`, out);
    }
  }
  return out;
}

const jsonFiles = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(repoRoot, dir, f));

/** The sample pack the demo installs, its sources, and the small pack the tests build. */
const contentFiles = [join(repoRoot, 'resources', 'content', 'sample', 'pack.json'), ...jsonFiles('resources/content/source'), ...jsonFiles('tests/fixtures/content-source')];

function textsOf(file: string): ContentText[] {
  return contentTexts(JSON.parse(readFileSync(file, 'utf8')) as unknown, relative(repoRoot, file));
}

/** Per language, the texts that lack it: `{ tr: ["resources/…/pages.json[voucher].title", …] }`. */
function missingContent(texts: ContentText[]): Record<string, string[]> {
  const missing: Record<string, string[]> = {};
  for (const code of codes) {
    const lacking = texts.filter(({ text }) => !(typeof text[code] === 'string' && text[code].trim() !== '')).map(({ where }) => where);
    if (lacking.length > 0) missing[code] = lacking;
  }
  return missing;
}

const scripts: Partial<Record<string, RegExp>> = { ar: /\p{Script=Arabic}/u, uk: /\p{Script=Cyrillic}/u };

describe('every offered language is complete', () => {
  it('has a locale file for every language and a language for every locale file', () => {
    const files = readdirSync(localesDir).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...codes].sort());
  });

  it('has every key of nl.json in every locale file, with the same variables and the language\'s plural forms', () => {
    const problems = Object.fromEntries(codes.map((code) => [code, localeProblems(code)] as const).filter(([, list]) => list.length > 0));
    expect(problems, 'UI keys to fill in, per language').toEqual({});
  });

  it('notices a missing key, a dropped variable and a missing plural form', () => {
    const dutch = flatten(loadLocale('nl'));
    expect(dutch.size).toBeGreaterThan(100);
    expect(variables('Van {{date, datetime}} tot {{ end }}')).toEqual(['date', 'end']);
    expect(new Intl.PluralRules('pl').resolvedOptions().pluralCategories).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories).toHaveLength(6);
  });

  for (const file of contentFiles) {
    it(`has every content text of ${relative(repoRoot, file)} in every language`, () => {
      const texts = textsOf(file);
      if (file.includes('sample')) expect(texts.length, 'texts found in the sample pack').toBeGreaterThan(300);
      expect(missingContent(texts), 'content texts to translate, per language').toEqual({});
    });
  }

  it('finds the texts of a pack and names what each lacks', () => {
    const texts = contentTexts({ pages: [{ id: 'a', title: { nl: 'Titel', en: 'Title' }, body: { nl: 'Tekst', en: 'Text', ar: 'نص' } }] }, 'x');
    expect(texts.map((t) => t.where)).toEqual(['x.pages[a].title', 'x.pages[a].body']);
    expect(missingContent(texts).ar).toEqual(['x.pages[a].title']);
    expect(missingContent(texts).tr).toEqual(['x.pages[a].title', 'x.pages[a].body']);
  });

  it('writes Arabic content in Arabic script and Ukrainian in Cyrillic (not a copied English text)', () => {
    const wrongScript: string[] = [];
    for (const file of contentFiles)
      for (const { where, text } of textsOf(file))
        for (const [code, script] of Object.entries(scripts)) {
          const value = text[code];
          if (script && value !== undefined && !script.test(value)) wrongScript.push(`${code}: ${where} = ${value}`);
        }
    expect(wrongScript).toEqual([]);
  });
});
