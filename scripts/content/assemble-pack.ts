import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentPackSchema, type ContentPack } from '../../shared/content/pack-schema';
import { formatIssues } from '../../shared/validation/format-issues';
import { checkReferences } from '../../electron/core/content/check-references';

/** Which source file holds which part of the pack; pack.json holds format, version, scope (and createdAt). */
export const sourceFiles = {
  topics: 'topics.json',
  pages: 'pages.json',
  regions: 'regions.json',
  providers: 'providers.json',
  schemes: 'schemes.json',
  labourMarket: 'labour-market.json',
  locations: 'locations.json',
  eligibility: 'eligibility.json',
  selfScan: 'self-scan.json',
  occupations: 'occupations.json',
  campaigns: 'campaigns.json',
  partners: 'partners.json',
} as const;

/** Parts a pack may leave out (the schema gives an empty list): sources written before appointments existed still build. */
export const optionalSourceFiles = {
  closingDays: 'closing-days.json',
  appointmentTopics: 'appointment-topics.json',
  sessions: 'sessions.json',
} as const;

export class SourceError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The content sources have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SourceError';
  }
}

function readJson(dir: string, file: string, problems: string[]): unknown {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push(`${file}: missing`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`${file}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Names the source file an issue path points into, so an author knows which file to open. */
function locate(path: string): string {
  const key = /^[a-zA-Z]+/.exec(path)?.[0] ?? '';
  const file = ({ ...sourceFiles, ...optionalSourceFiles } as Record<string, string>)[key];
  return file ? `${file}: ${path.slice(key.length).replace(/^\./, '') || '(root)'}` : `pack.json: ${path}`;
}

/** Reads a folder of source files into one pack, checked exactly as a device will check it. */
export function assemblePack(dir: string, now: () => Date = () => new Date()): ContentPack {
  const problems: string[] = [];
  const head = readJson(dir, 'pack.json', problems);
  const raw: Record<string, unknown> = typeof head === 'object' && head !== null ? { ...head } : {};
  raw.createdAt ??= now().toISOString();
  for (const [key, file] of Object.entries(sourceFiles)) raw[key] = readJson(dir, file, problems);
  for (const [key, file] of Object.entries(optionalSourceFiles)) if (existsSync(join(dir, file))) raw[key] = readJson(dir, file, problems);
  if (problems.length > 0) throw new SourceError(problems);

  const parsed = ContentPackSchema.safeParse(raw);
  if (!parsed.success) throw new SourceError(formatIssues(parsed.error).map((i) => `${locate(i.path)}: ${i.message}`));
  const references = checkReferences(parsed.data);
  if (references.length > 0) throw new SourceError(references.map((i) => `${locate(i.path)}: ${i.message}`));
  return parsed.data;
}
