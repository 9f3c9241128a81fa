import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleScanInput, electronegativity } from '../../support/electronegativity';
import { repoRoot } from '../../support/paths';

describe('electronegativity over the shell and the build', () => {
  // Two scans of the whole shell and build; on a loaded CI machine they take over a minute.
  it('finds nothing of high severity, and does find a deliberately insecure window', { timeout: 150_000 }, async () => {
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

  // The scan is given this version rather than reading it from an installed Electron (there is none in CI).
  it('ships the Electron version the types and the packaging are pinned to, and a supported one', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { optionalDependencies: { electron: string } };
    const builder = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain(`electronVersion: ${pkg.optionalDependencies.electron}`);
    expect(Number(pkg.optionalDependencies.electron.split('.')[0])).toBeGreaterThanOrEqual(43);
  });
});
