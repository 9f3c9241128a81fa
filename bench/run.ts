// npm run bench: runs every benchmark of bench/*.bench.ts and prints one table. With arguments,
// only the benchmarks whose file name or benchmark name contains one of them (e.g. `npx tsx
// bench/run.ts store-sync` or `npx tsx bench/run.ts "durable enqueue"`). Targets are read from
// the table, never asserted in timed unit tests. How to add a file: docs/performance.md.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, type Benchmark, type BenchRow } from './harness';

const filters = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { benchmarks: Benchmark[] };
  for (const bench of mod.benchmarks) {
    if (filters.length > 0 && !filters.some((x) => file.includes(x) || bench.name.includes(x))) continue;
    process.stderr.write(`running ${bench.name}…\n`);
    const benchRows = await bench.run();
    // Each benchmark's rows as soon as it ends, so a run cut short still shows what it measured.
    process.stderr.write(`${formatTable(benchRows)}\n`);
    rows.push(...benchRows);
  }
}
console.log(formatTable(rows));
process.exit(0);
