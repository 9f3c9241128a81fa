import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { pickText } from '../../../shared/content/localized-text';
import { ProviderSchema, TopicSchema } from '../../../shared/content/pack-schema';
import type { Logger } from '../log/logger';
import type { DisplayNames } from './printing-service';

function readList<T extends z.ZodType>(file: string, item: T, logger: Logger): z.infer<T>[] {
  try {
    const parsed = z.array(item).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    logger.warn('names for receipts do not match their schema; ids are printed instead', { file });
  } catch (err) {
    logger.warn('names for receipts unreadable; ids are printed instead', { file, error: err instanceof Error ? err.message : String(err) });
  }
  return [];
}

/**
 * Provider and topic names for receipts, from the content source shipped in resources/ until
 * installed content packs exist (the same stopgap as the eligibility rules). An id without a
 * name prints readably instead ("werk-zoeken" as "Werk zoeken").
 */
export function readDisplayNames(resourcesDir: string, logger: Logger): Partial<DisplayNames> {
  const dir = join(resourcesDir, 'content', 'source');
  const providers = new Map(readList(join(dir, 'providers.json'), ProviderSchema, logger).map((p) => [p.id, p.name]));
  const topics = new Map(readList(join(dir, 'topics.json'), TopicSchema, logger).map((t) => [t.id, t.title]));
  return {
    ...(providers.size > 0 && { provider: (id: string) => providers.get(id) ?? id }),
    ...(topics.size > 0 && {
      topic: (id: string, language: string) => {
        const title = topics.get(id);
        return title ? pickText(title, language) : id;
      },
    }),
  };
}
