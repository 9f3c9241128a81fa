import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EligibilityRuleSetSchema, type EligibilityRuleSet } from '../../../shared/eligibility/rule-set-schema';
import { formatIssues } from '../../../shared/validation/format-issues';
import type { Logger } from '../log/logger';

/**
 * Where the rules come from until installed content packs exist: the authoring source shipped in
 * resources/. The one place to swap for "the active pack's rule set".
 */
export function readRuleSetFromSource(resourcesDir: string, logger: Logger): EligibilityRuleSet | null {
  const file = join(resourcesDir, 'content', 'source', 'eligibility.json');
  try {
    const parsed = EligibilityRuleSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    logger.warn('eligibility rules do not match their schema', { file, issues: formatIssues(parsed.error).slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ') });
  } catch (err) {
    logger.warn('eligibility rules unreadable', { file, error: err instanceof Error ? err.message : String(err) });
  }
  return null;
}
