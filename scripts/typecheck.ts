// Type-checks each layer with its own config, so Node types never reach the renderer and DOM
// types never reach the core. The Electron shell needs Electron's type definitions: where npm
// skipped the optional electron package (no binary for this machine), they come from its tarball.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const installed = join(root, 'node_modules', 'electron', 'electron.d.ts');
const cacheDir = join(root, '.cache', 'electron-types');
const cached = join(cacheDir, 'electron.d.ts');

function electronTypesAvailable(): boolean {
  if (existsSync(installed)) {
    rmSync(cacheDir, { recursive: true, force: true });
    return true;
  }
  if (existsSync(cached)) return true;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
  const version = pkg.optionalDependencies.electron;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', `electron@${version}`, '--silent', '--pack-destination', cacheDir], { encoding: 'utf8' }).trim().split('\n').pop() ?? '';
    execFileSync('tar', ['-xzf', join(cacheDir, tarball), '-C', cacheDir, '--strip-components=1', 'package/electron.d.ts']);
    rmSync(join(cacheDir, tarball));
    return existsSync(cached);
  } catch {
    return false;
  }
}

const configs = ['shared/tsconfig.json', 'renderer/tsconfig.json', 'tsconfig.json', 'tests/e2e/tsconfig.json'];
if (electronTypesAvailable()) configs.push('electron/shell/tsconfig.json');
else console.log('Skipped the Electron shell type-check: Electron\'s type definitions are not installed and could not be fetched.');

let failed = false;
for (const config of configs) {
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', config], { stdio: 'inherit' });
  } catch {
    failed = true;
    console.error(`Type errors in ${config}`);
  }
}
process.exit(failed ? 1 : 0);
