import { z } from 'zod';

/**
 * Highlighted text as plain segments: the renderer wraps matches in <mark> itself, so no text
 * from a pack is ever treated as markup.
 */
export const TextSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type TextSegment = z.infer<typeof TextSegmentSchema>;

export const SearchHitKind = z.enum(['page', 'scheme', 'provider']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;

export const SearchHitSchema = z.object({
  kind: SearchHitKind,
  id: z.string(),
  title: z.array(TextSegmentSchema),
  snippet: z.array(TextSegmentSchema),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  /** The words actually searched for, after a typo was corrected ("Did you mean ..."); null when none was. */
  correctedQuery: z.string().nullable(),
  hits: z.array(SearchHitSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
