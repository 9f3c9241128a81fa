import type { AccreditationMark, ContentPack, Trajectory } from '../../../shared/content/pack-schema';

const byName = new Intl.Collator('nl', { sensitivity: 'base' }).compare;

export function topicsInOrder(pack: ContentPack) {
  return [...pack.topics].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** National pages of a topic, and the region's own pages when a region is given; pack order. */
export function pagesOfTopic(pack: ContentPack, topic: string, region: string | undefined) {
  return pack.pages
    .filter((p) => p.topic === topic && (p.regions === undefined || (region !== undefined && p.regions.includes(region))))
    .map(({ body: _body, ...summary }) => summary);
}

export interface ProviderFilter {
  region?: string | undefined;
  trajectory?: Trajectory | undefined;
  mark?: AccreditationMark | undefined;
}

export function providersMatching(pack: ContentPack, filter: ProviderFilter) {
  return pack.providers
    .filter(
      (p) =>
        (filter.region === undefined || p.regions.includes(filter.region)) &&
        (filter.trajectory === undefined || p.services.includes(filter.trajectory)) &&
        (filter.mark === undefined || p.marks.includes(filter.mark)),
    )
    .sort((a, b) => byName(a.name, b.name));
}

/** Open schemes first: ended ones are examples and history, never something to apply for. */
export function schemesInOrder(pack: ContentPack) {
  return [...pack.schemes].sort((a, b) => Number(a.status === 'ended') - Number(b.status === 'ended'));
}

export function regionsByName(pack: ContentPack) {
  return [...pack.regions].sort((a, b) => byName(a.name, b.name));
}
