export interface BenchRow {
  name: string;
  /** Milliseconds, where the benchmark times single operations. */
  p50?: number;
  p95?: number;
  opsPerSec?: number;
  /** A figure against a baseline measured in the same run (e.g. "1.8x raw FTS5"). */
  ratio?: string;
  note?: string;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Times fn `iterations` times after `warmup` untimed runs; returns p50/p95 and throughput. */
export async function timeIt(name: string, fn: () => Promise<unknown>, iterations: number, warmup = Math.ceil(iterations / 10)): Promise<BenchRow> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), opsPerSec: (iterations / total) * 1000, note: `n=${iterations}` };
}

/**
 * A measured row beside its baseline (both from the same run): the ratio of the chosen figure is
 * printed, and the target goes into the note as the ratio to reach, never into an assertion.
 */
export function ratioRow(row: BenchRow, baseline: BenchRow, options: { by: 'p50' | 'p95'; target: string; unit: string }): BenchRow {
  const ratio = (row[options.by] ?? Number.NaN) / (baseline[options.by] ?? Number.NaN);
  return { ...row, ratio: `${ratio.toFixed(1)}x ${options.unit} (${options.by})`, note: [options.target, row.note].filter(Boolean).join('; ') };
}

const fmt = (value: number | undefined, digits = 2): string => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'p50 ms', 'p95 ms', 'ops/s', 'ratio', 'note'];
  const body = rows.map((r) => [r.name, fmt(r.p50), fmt(r.p95), fmt(r.opsPerSec, 0), r.ratio ?? '-', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
