import { z } from 'zod';
import {
  AccreditationMark,
  LabourMarketSchema,
  LocationSchema,
  PageSchema,
  ProviderSchema,
  RegionSchema,
  SchemeSchema,
  Slug,
  TopicSchema,
  Trajectory,
} from '../content/pack-schema';
import { SearchResultSchema } from '../content/search-result';
import { ContentManifestSchema } from './content-manifest';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

/** A page in a list: everything but the body, which only the page screen needs. */
export const PageSummarySchema = PageSchema.omit({ body: true });
export type PageSummary = z.infer<typeof PageSummarySchema>;

/**
 * What the kiosk's information screens read from the active content pack. Texts come back in all
 * of the pack's languages, so switching language never needs another call; search is the
 * exception, because it matches words of one language. With no pack installed these answer
 * "unavailable".
 */
export const contentChannels = {
  'content.version': channel({
    passive: true,
    summary: 'The active content pack: version, creation time and scope; null when none is installed.',
    input: z.strictObject({}),
    output: ContentManifestSchema.nullable(),
  }),
  'content.topics': channel({
    summary: 'The information topics, in display order.',
    input: z.strictObject({}),
    output: z.array(TopicSchema),
  }),
  'content.pages': channel({
    summary: 'The pages of one topic: national pages plus, when a region is given, that region\'s own pages.',
    input: z.strictObject({ topic: Slug, region: Slug.optional() }),
    output: z.array(PageSummarySchema),
  }),
  'content.page': channel({
    summary: 'One page with its body.',
    input: z.strictObject({ id: Slug }),
    output: PageSchema,
  }),
  'content.regions': channel({
    summary: 'The labour-market regions, by name.',
    input: z.strictObject({}),
    output: z.array(RegionSchema),
  }),
  'content.providers': channel({
    summary: 'Accredited providers, filtered by region, trajectory and accreditation mark (all optional), by name.',
    input: z.strictObject({ region: Slug.optional(), trajectory: Trajectory.optional(), mark: AccreditationMark.optional() }),
    output: z.array(ProviderSchema),
  }),
  'content.provider': channel({
    summary: 'One provider.',
    input: z.strictObject({ id: Slug }),
    output: ProviderSchema,
  }),
  'content.schemes': channel({
    summary: 'Schemes and financing options: open ones first, ended ones (examples, history) after.',
    input: z.strictObject({}),
    output: z.array(SchemeSchema),
  }),
  'content.labourMarket': channel({
    summary: 'Growing and shrinking occupations in one region, with their source and date.',
    input: z.strictObject({ region: Slug }),
    output: z.object({ region: RegionSchema, figures: LabourMarketSchema }),
  }),
  'content.location': channel({
    summary: "This device's own location: address, opening hours, phone; null when the pack does not describe it.",
    input: z.strictObject({}),
    output: LocationSchema.nullable(),
  }),
  'content.search': channel({
    summary: 'Search-as-you-type over pages, schemes and providers in one language; matches come back as marked segments.',
    input: z.strictObject({
      // Bounded here so a runaway payload is refused at the gate; anything under it that is not
      // a sensible query gets an empty result, never an error.
      query: z.string().max(4096),
      language: LanguageCode,
      region: Slug.optional(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: SearchResultSchema,
  }),
} as const;
