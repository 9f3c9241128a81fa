import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempDir } from './paths';

const scanner = join(repoRoot, 'tests', 'support', 'electronegativity-scan.mjs');

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

/**
 * Runs electronegativity and returns its findings of the given severities. The Electron version
 * is given, not detected (no electron package here); the check that fetches Electron's release
 * list is left out because CI has no network, and the version is checked by electronegativity.test.ts.
 * The scan runs through electronegativity-scan.mjs rather than the CLI, whose CSV output can lose
 * its rows (see there).
 */
export async function electronegativity(inputDir: string, severities: readonly string[]): Promise<Finding[]> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { optionalDependencies: { electron: string } };
  const out = join(tempDir('electronegativity-out'), 'findings.json');
  await promisify(execFile)(process.execPath, [scanner, inputDir, pkg.optionalDependencies.electron, out], { cwd: repoRoot, timeout: 120_000 });
  const findings = JSON.parse(readFileSync(out, 'utf8')) as Finding[];
  return findings.filter((finding) => severities.includes(finding.severity));
}
