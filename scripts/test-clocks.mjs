// npm run test:clocks: the unit and integration suite (vitest) with the wall clock set by Debian's
// faketime to the hours that broke tests before: the night's update window, New Year's Eve and the
// spring DST jump, all in Europe/Amsterdam. Ends with one line: "clocks: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Each start time is Amsterdam time; the fake clock runs on from there.
const clocks = [
  { name: 'update window (03:30)', at: '2026-12-03 03:30:00' },
  { name: 'New Year\'s Eve (23:59)', at: '2026-12-31 23:59:00' },
  { name: 'spring DST night (01:59, before the jump)', at: '2027-03-28 01:59:00' },
];

const faketime = '/usr/bin/faketime';
if (!existsSync(faketime)) {
  console.log(`\nclocks: 0 passed, 1 failed: ${faketime} is missing (Debian package faketime).`);
  process.exit(1);
}

const reports = join('test-results', 'reports', 'clocks');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];
clocks.forEach((clock, i) => {
  console.log(`\n== vitest with the clock at ${clock.at} Europe/Amsterdam: ${clock.name}`);
  const report = join(reports, `vitest-${i}.json`);
  // '@' starts the fake clock at that moment and lets it run; timers and the monotonic clock stay
  // real, so timeouts and polling behave as on any other night.
  const run = spawnSync(faketime, ['-f', `@${clock.at}`, join('node_modules', '.bin', 'vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'Europe/Amsterdam', DONT_FAKE_MONOTONIC: '1' },
  });
  let p = 0;
  let f = 1;
  if (existsSync(report)) {
    const v = JSON.parse(readFileSync(report, 'utf8'));
    p = v.numPassedTests;
    // A file that fails to load has no failed test of its own: count it as one.
    const unloaded = v.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    f = v.numFailedTests + unloaded;
  }
  // vitest's own verdict as well, for a failure the report does not show as a test.
  if (run.status !== 0 && f === 0) f = 1;
  passed += p;
  failed += f;
  summary.push(`${clock.name}: ${p} passed, ${f} failed`);
});

console.log(`\n${summary.join('\n')}\nclocks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
