import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resourcesDir = join(repoRoot, 'resources');
export const rendererDist = join(repoRoot, 'dist', 'renderer');
export const hostEntry = join(repoRoot, 'dist', 'host', 'host.mjs');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lbw-${prefix}-`));
}
