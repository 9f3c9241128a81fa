import { pickText, type LocalizedText } from '../../../shared/content/localized-text';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { SearchHitKind } from '../../../shared/content/search-result';
import { stripMarkers } from './marked-segments';

export interface SearchDocument {
  kind: SearchHitKind;
  ref: string;
  /** ",slug,slug," for regional items, "" for national ones: a cheap, exact filter in SQL. */
  regions: string;
  title: (language: string) => string;
  body: (language: string) => string;
  /** Words that find the item but are not on its screen (region names and their old spellings): never shown in a snippet. */
  keywords: string;
}

const text = (...parts: Array<LocalizedText | string | undefined>) => (language: string) =>
  stripMarkers(parts.map((p) => (p === undefined ? '' : typeof p === 'string' ? p : pickText(p, language))).filter((p) => p.length > 0).join('\n\n'));

const regionList = (slugs: readonly string[] | undefined): string => (slugs && slugs.length > 0 ? `,${slugs.join(',')},` : '');

/** What search finds: pages, schemes and providers, each with the words a visitor would type for it. */
export function searchDocuments(pack: ContentPack): SearchDocument[] {
  const regionName = new Map(pack.regions.map((r) => [r.slug, [r.name, ...r.aliases].join(', ')]));
  return [
    ...pack.pages.map((page) => ({
      kind: 'page' as const,
      ref: page.id,
      regions: regionList(page.regions),
      title: text(page.title),
      body: text(page.summary, page.body),
      keywords: '',
    })),
    ...pack.schemes.map((scheme) => ({
      kind: 'scheme' as const,
      ref: scheme.id,
      regions: '',
      title: text(scheme.name),
      body: text(scheme.summary, scheme.who, scheme.amount, scheme.body),
      keywords: '',
    })),
    ...pack.providers.map((provider) => ({
      kind: 'provider' as const,
      ref: provider.id,
      regions: regionList(provider.regions),
      title: text(provider.name),
      body: text(provider.description, `${provider.address.street}, ${provider.address.city}`),
      keywords: stripMarkers([...provider.regions.map((r) => regionName.get(r) ?? r), ...provider.services].join(', ')),
    })),
  ];
}
