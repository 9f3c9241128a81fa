import ar from '../../renderer/src/i18n/locales/ar.json';
import en from '../../renderer/src/i18n/locales/en.json';
import nl from '../../renderer/src/i18n/locales/nl.json';

/**
 * The i18n catalogue is the one source of every word a visitor meets: the screen reads it through
 * i18next, the paper through this module, so a ticket can never name a topic differently from the
 * button that was tapped. The JSON files stay in the renderer (where translators and Vite find
 * them); ESLint lets shared/ import exactly these data files and no renderer code.
 */
type Catalogue = Record<string, unknown>;

const catalogues: Record<string, Catalogue> = { nl, en, ar };

function lookup(catalogue: Catalogue | undefined, key: string): unknown {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Fills "{{name}}" the way i18next does, without its formatters (paper has none). */
function interpolate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/**
 * A catalogue text in `language`, falling back to Dutch like the screen does (i18next's
 * fallbackLng). `count` picks the `_one` / `_other` plural form, as i18next does for nl and en.
 */
export function catalogueText(language: string, key: string, values: Record<string, string | number> = {}): string {
  const pluralKey = typeof values.count === 'number' ? `${key}_${values.count === 1 ? 'one' : 'other'}` : null;
  for (const catalogue of [catalogues[language], catalogues.nl]) {
    const text = (pluralKey ? lookup(catalogue, pluralKey) : undefined) ?? lookup(catalogue, key);
    if (typeof text === 'string') return interpolate(text, values);
  }
  throw new Error(`The text catalogue has no "${key}"`);
}

/** Whether the catalogue of `language` (or Dutch) has a text under `key`. */
export function hasCatalogueText(language: string, key: string): boolean {
  return [catalogues[language], catalogues.nl].some((c) => typeof lookup(c, key) === 'string');
}

/** The plain (non-plural, non-interpolated) texts directly under `key`, e.g. every "print.paper.*". */
export function catalogueGroup(language: string, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const catalogue of [catalogues.nl, catalogues[language]]) {
    const group = lookup(catalogue, key);
    if (typeof group !== 'object' || group === null) continue;
    for (const [name, text] of Object.entries(group)) if (typeof text === 'string' && !/_(one|other)$/.test(name)) out[name] = text;
  }
  return out;
}
