// npm run bench: runs every bench/*.bench.ts (or those whose file name contains an argument)
// and prints one table. Targets are read from the table, never asserted in timed unit tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, type Benchmark, type BenchRow } from './harness';

const filters = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { benchmarks: Benchmark[] };
  for (const bench of mod.benchmarks) {
    process.stderr.write(`running ${bench.name}…\n`);
    rows.push(...(await bench.run()));
  }
}
console.log(formatTable(rows));
process.exit(0);
