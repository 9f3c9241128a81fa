import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../shared/contract/languages';
import { repoRoot } from '../support/paths';

/** The kiosk's own catalogues through i18next, as the renderer loads them: the plural forms each language needs. */
const i18n = i18next.createInstance();
beforeAll(async () => {
  const resources = Object.fromEntries(
    languages.map(({ code }) => [code, { translation: JSON.parse(readFileSync(join(repoRoot, 'renderer', 'src', 'i18n', 'locales', `${code}.json`), 'utf8')) as Record<string, unknown> }]),
  );
  await i18n.init({ resources, lng: 'nl', fallbackLng: 'nl', interpolation: { escapeValue: false } });
});

const results = (lng: string, count: number): string => i18n.t('info.search.count', { lng, count });

describe('plural forms per language', () => {
  it('Polish: one, few (2-4, 22-24) and many (5-21, 25-…)', () => {
    expect([1, 2, 4, 5, 12, 21, 22, 25].map((n) => results('pl', n))).toEqual(['1 wynik', '2 wyniki', '4 wyniki', '5 wyników', '12 wyników', '21 wyników', '22 wyniki', '25 wyników']);
  });

  it('Ukrainian: one (1, 21), few (2-4, 22-24) and many (5-20, 25-…)', () => {
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => results('uk', n))).toEqual(['1 результат', '2 результати', '5 результатів', '11 результатів', '21 результат', '22 результати', '25 результатів']);
  });

  it('Turkish: one form after a number', () => {
    expect([1, 3].map((n) => results('tr', n))).toEqual(['1 sonuç', '3 sonuç']);
  });

  it('Arabic: a different form for 0, 1, 2, 3-10 and 11-99', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((n) => i18n.t('idle.countdown', { lng: 'ar', count: n }));
    expect(new Set(forms.map((f) => f.replace(/\d+/g, '#'))).size).toBeGreaterThanOrEqual(5);
  });
});
