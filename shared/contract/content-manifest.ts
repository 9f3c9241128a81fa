import { z } from 'zod';

export const ContentManifestSchema = z.strictObject({
  version: z.string().min(1),
  createdAt: z.iso.datetime(),
  scope: z.union([z.literal('national'), z.string().regex(/^region:[a-z0-9-]+$/)]),
});
export type ContentManifest = z.infer<typeof ContentManifestSchema>;
