import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/paths';

const { forbidden } = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as { forbidden: IForbiddenRuleType[] };

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const { output } = await cruise(roots, { baseDir, validate: true, ruleSet: { forbidden }, tsPreCompilationDeps: true, outputType: 'json', doNotFollow: { path: 'node_modules' } });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

function writeTree(files: Record<string, string>): string {
  const dir = tempDir('graph');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the capability graph', () => {
  it('has no cycle between the core\'s capability folders, and no file that imports itself back', async () => {
    expect(await violations(repoRoot, ['electron', 'shared'])).toEqual([]);
  });

  it('reports two capabilities that need each other, even through files that are not in a cycle themselves', async () => {
    const dir = writeTree({
      'electron/core/desk/desk.ts': "import { start } from '../requests/start';\nexport const desk = start;\n",
      'electron/core/requests/start.ts': 'export const start = 1;\n',
      'electron/core/requests/purge.ts': "import { bsnContext } from '../desk/bsn';\nexport const purge = bsnContext;\n",
      'electron/core/desk/bsn.ts': "export const bsnContext = 'x';\n",
    });
    const found = await violations(dir, ['electron']);
    expect(found.some((v) => v.startsWith('no-capability-cycle'))).toBe(true);
    expect(found.every((v) => !v.startsWith('no-file-cycle'))).toBe(true);
  });

  it('reports a file cycle inside one folder', async () => {
    const dir = writeTree({
      'electron/core/log/logger.ts': "import type { Fields } from './redact';\nexport type Logger = Fields;\n",
      'electron/core/log/redact.ts': "import type { Logger } from './logger';\nexport type Fields = Record<string, Logger>;\n",
    });
    expect(await violations(dir, ['electron'])).toEqual(expect.arrayContaining([expect.stringMatching(/^no-file-cycle/)]));
  });
});
