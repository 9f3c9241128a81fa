// Runs electronegativity's scanner in its own process and writes its findings as JSON, in one
// synchronous write. Its CLI writes a CSV header and the rows as two unordered asynchronous writes,
// the first of which truncates the file, so under load the rows could be lost and a scan "found" nothing.
// Usage: node electronegativity-scan.mjs <input dir> <electron version> <output.json>
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { createRequire } from 'node:module';

const [input, electronVersion, output] = process.argv.slice(2);
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');
const result = await run(
  {
    input,
    isSarif: false,
    // Left out: the check that fetches Electron's release list (no network in CI).
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
writeFileSync(output, JSON.stringify(result.issues.map((issue) => ({ ruleId: issue.id, severity: issue.severity.name, file: issue.file, line: issue.location.line }))));
