import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalizedText } from '../../shared/content/localized-text';
import {
  ContentPackSchema,
  LabourMarketSchema,
  LocationSchema,
  PageSchema,
  ProviderSchema,
  RegionSchema,
  SchemeSchema,
  TopicSchema,
} from '../../shared/content/pack-schema';
import { EligibilityRuleSetSchema } from '../../shared/eligibility/rule-set-schema';
import { formatIssues } from '../../shared/validation/format-issues';
import { resourcesDir } from '../support/paths';

// The sample content lives in this file's name because the eligibility branch authors it; the
// pack builder and installer check the same references again on the whole pack.
const sourceDir = join(resourcesDir, 'content', 'source');

function load<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(sourceDir, file), 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error).slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const header = load('pack.json', ContentPackSchema.pick({ format: true, version: true, scope: true }).strict());
const regions = load('regions.json', z.array(RegionSchema));
const topics = load('topics.json', z.array(TopicSchema));
const pages = load('pages.json', z.array(PageSchema));
const providers = load('providers.json', z.array(ProviderSchema));
const schemes = load('schemes.json', z.array(SchemeSchema));
const labourMarket = load('labour-market.json', z.array(LabourMarketSchema));
const locations = load('locations.json', z.array(LocationSchema));
const eligibility = load('eligibility.json', EligibilityRuleSetSchema);

const regionSlugs = new Set(regions.map((r) => r.slug));

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** Every Dutch text the visitor may read, with where it comes from. */
function dutchTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  const add = (where: string, t: LocalizedText | undefined) => t && texts.push({ where, text: t.nl });
  for (const p of pages) (['title', 'summary', 'body'] as const).forEach((f) => add(`page ${p.id}.${f}`, p[f]));
  for (const s of schemes) (['name', 'summary', 'body', 'who', 'amount'] as const).forEach((f) => add(`scheme ${s.id}.${f}`, s[f]));
  for (const p of providers) add(`provider ${p.id}.description`, p.description);
  for (const q of eligibility.questions) add(`question ${q.id}`, q.prompt);
  for (const r of eligibility.rules) add(`rule ${r.id}`, r.reason);
  return texts;
}

describe('the sample content sources', () => {
  it('is a national sample pack of format 1', () => {
    expect(header).toEqual({ format: 1, version: '2026.11.0-sample', scope: 'national' });
  });

  it('has all 35 labour-market regions, each slug once, with the former name of Regio Zwolle as an alias', () => {
    expect(regions).toHaveLength(35);
    expect(duplicates(regions.map((r) => r.slug))).toEqual([]);
    expect(duplicates(regions.map((r) => r.name))).toEqual([]);
    expect(regions.find((r) => r.slug === 'regio-zwolle')?.aliases).toContain('IJsselvechtstreek');
  });

  it('has the minimum amount of content the issue asks for', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(providers.length).toBeGreaterThanOrEqual(40);
    expect(schemes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(providers.flatMap((p) => p.regions)).size).toBeGreaterThanOrEqual(30);
  });

  it('uses every id once per kind', () => {
    for (const ids of [topics.map((t) => t.id), pages.map((p) => p.id), providers.map((p) => p.id), schemes.map((s) => s.id), locations.map((l) => l.id)]) {
      expect(duplicates(ids)).toEqual([]);
    }
  });

  it('only refers to regions and topics that exist', () => {
    const topicIds = new Set(topics.map((t) => t.id));
    const dangling = [
      ...pages.filter((p) => !topicIds.has(p.topic)).map((p) => `page ${p.id} -> topic ${p.topic}`),
      ...pages.flatMap((p) => (p.regions ?? []).filter((r) => !regionSlugs.has(r)).map((r) => `page ${p.id} -> region ${r}`)),
      ...providers.flatMap((p) => p.regions.filter((r) => !regionSlugs.has(r)).map((r) => `provider ${p.id} -> region ${r}`)),
      ...labourMarket.filter((l) => !regionSlugs.has(l.region)).map((l) => `labour market -> region ${l.region}`),
      ...locations.filter((l) => !regionSlugs.has(l.region)).map((l) => `location ${l.id} -> region ${l.region}`),
    ];
    expect(dangling).toEqual([]);
    expect(topics.every((t) => pages.some((p) => p.topic === t.id))).toBe(true);
  });

  it('has labour-market figures for every region, each marked as invented sample figures', () => {
    expect(labourMarket.map((l) => l.region).sort()).toEqual([...regionSlugs].sort());
    for (const l of labourMarket) {
      expect(l).toMatchObject({ sample: true, source: 'Voorbeeldcijfers — geen echte data' });
      expect(l.growing.every((o) => o.changePercent > 0)).toBe(true);
      expect(l.shrinking.every((o) => o.changePercent < 0)).toBe(true);
    }
  });

  it('includes the demo device\'s location in its region', () => {
    expect(locations.find((l) => l.id === 'utrecht-centrum')?.region).toBe('midden-utrecht');
  });

  it('covers the subjects visitors ask about', () => {
    const ids = new Set(pages.map((p) => p.id));
    for (const id of [
      'what-is-the-voucher', 'development-advice', 'career-check-up', 'training-advice', 'choosing-a-provider',
      'first-conversation', 'your-rights-and-data', 'schemes-and-money', 'working-with-a-benefit',
      'help-with-reading-and-writing', 'opening-hours-and-contact', 'after-your-request', 'quality-marks', 'for-employers',
    ]) expect(ids, id).toContain(id);
  });

  it('keeps ended schemes as history and says so in the name', () => {
    const ended = schemes.filter((s) => s.status === 'ended');
    expect(ended.map((s) => s.id).sort()).toEqual(['development-advice-45-plus', 'nl-leert-door', 'stap-budget']);
    for (const s of ended) {
      expect(s.name.nl).toMatch(/gestopt/);
      expect(s.name.en).toMatch(/ended/);
    }
  });

  it('writes Dutch with "je", never the formal "u"', () => {
    const formal = dutchTexts().filter(({ text }) => /\b(u|uw|U|Uw)\b/.test(text));
    expect(formal.map((f) => f.where)).toEqual([]);
  });

  it('keeps sentences short for B1 readers: at most 20 words each', () => {
    const long = dutchTexts()
      .concat(pages.map((p) => ({ where: `page ${p.id} (en)`, text: p.body.en })))
      .flatMap(({ where, text }) =>
        text
          .split(/(?<=[.?!])\s+|\n\n/)
          .filter((s) => s.split(/\s+/).length > 20)
          .map((s) => `${where}: ${s}`),
      );
    expect(long).toEqual([]);
  });

  it('states the same voucher period on its pages as the rules use', () => {
    const rule = eligibility.rules.find((r) => r.kind === 'noVoucherWithin');
    const period = rule?.kind === 'noVoucherWithin' ? rule.periodYears : null;
    const stated = pages.flatMap((p) => [...`${p.body.nl} ${p.summary.nl}`.matchAll(/(?:in de|afgelopen) (\d+) jaar/g)].map((m) => Number(m[1])));
    expect(stated.length).toBeGreaterThan(0);
    expect(new Set(stated)).toEqual(new Set([period]));
  });

  it('writes body text as plain paragraphs without markup', () => {
    const marked = pages.filter((p) => /[<>*#[\]]/.test(p.body.nl + p.body.en)).map((p) => p.id);
    expect(marked).toEqual([]);
  });

  it('assembles into a pack the pack schema accepts', () => {
    const pack = { ...header, createdAt: '2026-11-24T06:00:00Z', topics, pages, regions, providers, schemes, labourMarket, locations, eligibility };
    const parsed = ContentPackSchema.safeParse(pack);
    expect(parsed.success ? [] : formatIssues(parsed.error)).toEqual([]);
  });
});
