import type { ContentPack } from '../../../shared/content/pack-schema';
import type { FieldIssue } from '../../../shared/validation/format-issues';

function duplicates(ids: readonly string[], path: string, what: string): FieldIssue[] {
  const seen = new Map<string, number>();
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else issues.push({ path: `${path}[${i}]`, message: `${what} "${id}" is used twice (first at ${path}[${first}])` });
  });
  return issues;
}

function dangling(refs: readonly string[], known: ReadonlySet<string>, path: string, what: string): FieldIssue[] {
  return refs.flatMap((ref) => (known.has(ref) ? [] : [{ path, message: `${what} "${ref}" does not exist in this pack` }]));
}

/**
 * The links between items that a schema cannot see: a provider in a region the pack does not
 * have would show up nowhere. (The rule set's schema checks its own links to its questions.)
 */
export function checkReferences(pack: ContentPack): FieldIssue[] {
  const regions = new Set(pack.regions.map((r) => r.slug));
  const topics = new Set(pack.topics.map((t) => t.id));
  const issues: FieldIssue[] = [
    ...duplicates(pack.topics.map((t) => t.id), 'topics', 'topic id'),
    ...duplicates(pack.pages.map((p) => p.id), 'pages', 'page id'),
    ...duplicates(pack.regions.map((r) => r.slug), 'regions', 'region slug'),
    ...duplicates(pack.providers.map((p) => p.id), 'providers', 'provider id'),
    ...duplicates(pack.schemes.map((s) => s.id), 'schemes', 'scheme id'),
    ...duplicates(pack.locations.map((l) => l.id), 'locations', 'location id'),
    ...duplicates(pack.labourMarket.map((m) => m.region), 'labourMarket', 'labour-market region'),
    ...duplicates(pack.selfScan.map((s) => s.id), 'selfScan', 'self-scan statement id'),
    ...duplicates(pack.occupations.map((o) => o.id), 'occupations', 'occupation id'),
  ];
  const occupations = new Set(pack.occupations.map((o) => o.id));
  const questions = new Set(pack.eligibility.questions.map((q) => q.id));
  issues.push(...duplicates(pack.campaigns.map((c) => c.id), 'campaigns', 'campaign id'));
  issues.push(...duplicates(pack.partners.map((p) => p.id), 'partners', 'partner id'));
  pack.partners.forEach((p, i) => issues.push(...dangling(p.regions, regions, `partners[${i}].regions`, 'region')));
  pack.campaigns.forEach((c, i) => {
    issues.push(...dangling(c.regions, regions, `campaigns[${i}].regions`, 'region'));
    issues.push(...dangling(Object.keys(c.preAnswers), questions, `campaigns[${i}].preAnswers`, 'eligibility question'));
    if (c.validTo < c.validFrom) issues.push({ path: `campaigns[${i}].validTo`, message: 'ends before it starts' });
  });
  if (pack.scope !== 'national') {
    issues.push(...dangling([pack.scope.slice('region:'.length)], regions, 'scope', 'region'));
  }
  pack.pages.forEach((page, i) => {
    issues.push(...dangling([page.topic], topics, `pages[${i}].topic`, 'topic'));
    issues.push(...dangling(page.regions ?? [], regions, `pages[${i}].regions`, 'region'));
  });
  pack.providers.forEach((provider, i) => issues.push(...dangling(provider.regions, regions, `providers[${i}].regions`, 'region')));
  pack.labourMarket.forEach((m, i) => {
    issues.push(...dangling([m.region], regions, `labourMarket[${i}].region`, 'region'));
    (['growing', 'shrinking'] as const).forEach((side) =>
      m[side].forEach((trend, j) => issues.push(...dangling(trend.occupationId ? [trend.occupationId] : [], occupations, `labourMarket[${i}].${side}[${j}].occupationId`, 'occupation'))),
    );
  });
  pack.locations.forEach((l, i) => issues.push(...dangling([l.region], regions, `locations[${i}].region`, 'region')));
  issues.push(...appointmentReferences(pack));
  return issues;
}

/** Outposts book at shops, and a session's seats live in a shop's agenda: both must name a shop that takes appointments. */
function appointmentReferences(pack: ContentPack): FieldIssue[] {
  const shops = new Set(pack.locations.filter((l) => l.kind === 'shop').map((l) => l.id));
  const issues: FieldIssue[] = [
    ...duplicates(pack.appointmentTopics.map((t) => t.id), 'appointmentTopics', 'appointment topic id'),
    ...duplicates(pack.sessions.map((s) => s.id), 'sessions', 'session id'),
    ...duplicates(pack.closingDays.map((d) => d.date), 'closingDays', 'closing day'),
  ];
  pack.locations.forEach((l, i) => {
    if (l.kind === 'outpost' && l.openingTimes) issues.push({ path: `locations[${i}].openingTimes`, message: `outpost "${l.id}" takes no appointments: its opening times belong to the shops in bookAt` });
    if (l.kind === 'shop' && l.bookAt) issues.push({ path: `locations[${i}].bookAt`, message: `shop "${l.id}" books in its own agenda: bookAt is for outposts` });
    issues.push(...dangling(l.bookAt ?? [], shops, `locations[${i}].bookAt`, 'shop'));
  });
  pack.sessions.forEach((s, i) => issues.push(...dangling([s.location], shops, `sessions[${i}].location`, 'shop')));
  return issues;
}
