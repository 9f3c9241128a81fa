import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentManifestSchema, type ContentManifest } from '../../../shared/contract/content-manifest';
import type { Logger } from '../log/logger';

/** A missing or broken manifest leaves the device running without content rather than not at all. */
export function readContentManifest(contentDir: string, logger: Logger): ContentManifest | null {
  const file = join(contentDir, 'manifest.json');
  try {
    const parsed = ContentManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    logger.warn('content manifest does not match its schema', { file });
  } catch (err) {
    logger.warn('content manifest unreadable', { file, error: err instanceof Error ? err.message : String(err) });
  }
  return null;
}
