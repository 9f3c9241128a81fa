// npm test: lint, type-check, build, then vitest (unit + integration) and Playwright (e2e),
// ending with one line that sums them up: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function step(title, command, args, env = {}) {
  console.log(`\n== ${title}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'Europe/Amsterdam', ...env } });
  return run.status === 0;
}

let setupOk = step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
setupOk = step('capability graph (dependency-cruiser)', bin('depcruise'), ['electron', 'shared', '--config', '.dependency-cruiser.cjs']) && setupOk;
setupOk = step('type-check', bin('tsx'), ['scripts/typecheck.ts']) && setupOk;
if (!step('build', 'npm', ['run', 'build', '--silent'])) {
  console.log('\n0 passed, 1 failed: the build failed, so no test ran.');
  process.exit(1);
}

const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');
step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
step('end-to-end tests (Playwright, Debian Chromium)', bin('playwright'), ['test'], { PW_JSON_REPORT: playwrightReport });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestReport)) {
  const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += v.numPassedTests;
  // A file that fails to load has no failed test of its own: count it as one.
  failed += v.numFailedTests + v.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  skipped += v.numPendingTests + v.numTodoTests;
} else failed += 1;
if (existsSync(playwrightReport)) {
  const p = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected + (p.errors?.length ?? 0);
  skipped += p.stats.skipped;
} else failed += 1;
if (!setupOk) failed += 1;

console.log(`\n${setupOk ? '' : 'lint or type-check failed; '}tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
