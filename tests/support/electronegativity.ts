import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempDir } from './paths';

const cli = join(repoRoot, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

export interface Finding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
}

/**
 * What electronegativity should read: the shell's sources and what the build ships (it skips
 * .cjs files, so the bundles are copied as .js).
 */
export function assembleScanInput(): string {
  const dir = tempDir('electronegativity');
  cpSync(join(repoRoot, 'electron', 'shell'), join(dir, 'electron', 'shell'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  cpSync(join(repoRoot, 'dist', 'shell', 'main.cjs'), join(dir, 'dist', 'main.js'));
  cpSync(join(repoRoot, 'dist', 'shell', 'preload.cjs'), join(dir, 'dist', 'preload.js'));
  for (const page of readdirSync(join(repoRoot, 'dist', 'renderer')).filter((name) => name.endsWith('.html'))) {
    cpSync(join(repoRoot, 'dist', 'renderer', page), join(dir, 'dist', page));
  }
  return dir;
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.trim() || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

/**
 * Runs electronegativity and returns its findings of the given severities. The Electron version
 * is given, not detected (no electron package here); the check that fetches Electron's release
 * list is left out because CI has no network, and the version is checked by static-security.test.ts.
 * Its own --severity filter lets global checks through, so the severity column is read here.
 */
export async function electronegativity(inputDir: string, severities: readonly string[]): Promise<Finding[]> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { optionalDependencies: { electron: string } };
  const out = join(tempDir('electronegativity-out'), 'findings.csv');
  await promisify(execFile)(process.execPath, [cli, '-i', inputDir, '-e', pkg.optionalDependencies.electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', out], {
    timeout: 120_000,
  });
  const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
  if (header?.[0] !== 'issue' || header[1] !== 'severity') throw new Error(`unexpected electronegativity output: ${header?.join(',')}`);
  return rows
    .map(([ruleId = '', severity = '', _confidence, file = '', location = '']) => ({ ruleId, severity, file, line: Number(location.split(':')[0]) }))
    .filter((finding) => severities.includes(finding.severity));
}
