// electron-builder beforeBuild hook: decides whether native modules (better-sqlite3) are rebuilt
// for Electron's ABI. That needs Electron itself; where npm skipped the optional electron package
// (CI, Node 20 machines) the rebuild is skipped with a clear warning instead of a failed download.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} projectDir
 * @returns {boolean} whether node_modules/electron holds a downloaded Electron binary
 */
export function electronBinaryPresent(projectDir) {
  const pkgDir = join(projectDir, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/**
 * @param {{ binaryPresent: boolean, skipRequested: boolean }} facts
 * @returns {{ rebuild: boolean, reason: string }}
 */
export function nativeRebuildPlan(facts) {
  if (facts.skipRequested) return { rebuild: false, reason: 'LBW_SKIP_NATIVE_REBUILD is set' };
  if (!facts.binaryPresent) {
    return {
      rebuild: false,
      reason: 'no Electron binary is installed here (npm skipped the optional electron package); better-sqlite3 stays built for Node, so this package is for inspection only and must not be shipped',
    };
  }
  return { rebuild: true, reason: 'Electron is installed: native modules are rebuilt for its ABI' };
}

/** @param {{ appDir: string }} context */
export async function beforeBuild(context) {
  const plan = nativeRebuildPlan({ binaryPresent: electronBinaryPresent(context.appDir), skipRequested: process.env.LBW_SKIP_NATIVE_REBUILD === '1' });
  process.stdout.write(`  • native modules: ${plan.rebuild ? 'rebuilding' : 'not rebuilt'} (${plan.reason})\n`);
  // electron-builder skips its dependency install and rebuild when the hook resolves to false.
  return plan.rebuild;
}

export default beforeBuild;
