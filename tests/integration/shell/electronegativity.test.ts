import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleScanInput, electronegativity } from '../../support/electronegativity';
import { repoRoot } from '../../support/paths';

describe('electronegativity over the shell and the build', () => {
  it('finds nothing of high severity, and does find a deliberately insecure window', async () => {
    const project = assembleScanInput();
    const seeded = assembleScanInput();
    writeFileSync(join(seeded, 'electron', 'shell', 'insecure.ts'), "new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });\n");
    const [findings, seededFindings] = await Promise.all([electronegativity(project, ['HIGH']), electronegativity(seeded, ['HIGH'])]);
    expect(findings).toEqual([]);
    expect(seededFindings).toContainEqual(expect.objectContaining({ ruleId: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'electron/shell/insecure.ts', line: 1 }));
  });

  it('every suppression in the shell says why, in a comment just above it', () => {
    const dir = join(repoRoot, 'electron', 'shell');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.ts'));
    let suppressions = 0;
    for (const entry of files) {
      const lines = readFileSync(join(entry.parentPath, entry.name), 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!/eng-disable/.test(line)) return;
        suppressions += 1;
        const above = lines[index - 1]?.trim() ?? '';
        expect(above.startsWith('//') && above.length > 20, `${entry.name}:${index + 1} needs a reason above the suppression`).toBe(true);
      });
    }
    expect(suppressions).toBeLessThanOrEqual(2);
  });
});
