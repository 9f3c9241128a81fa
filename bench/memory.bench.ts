import { readFileSync } from 'node:fs';
import { lastTicketSeq } from '../electron/core/tickets/tickets';
import { openClient } from '../tests/support/host-client';
import { spawnHost } from '../tests/support/spawn-host';
import { voucherInput } from '../tests/support/voucher-input';
import type { Benchmark, BenchRow } from './harness';

/** Resident set size of a process, from the kernel's own accounting. */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) * 1024;
}

/** 10,000 as the issue asks; BENCH_MEMORY_VISITS makes a shorter run (each pair of calls takes 20-40 ms on a loaded machine). */
const total = Number(process.env.BENCH_MEMORY_VISITS ?? 10_000);

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export const benchmarks: Benchmark[] = [
  {
    name: 'host memory',
    async run(): Promise<BenchRow[]> {
      const host = await spawnHost();
      try {
        const pid = host.process.pid ?? 0;
        const client = await openClient(host.url);
        let n = 0;
        // Four callers at once, as a kiosk and a desk or two would. A day has 9,999 ticket numbers
        // per device (lastTicketSeq), so the 10,000th visit takes no ticket.
        const visits = async (count: number): Promise<void> => {
          const last = n + count;
          const lane = async (): Promise<void> => {
            while (n < last) {
              const i = n++;
              const started = await client.post('/api/voucher.start', voucherInput(i));
              if (!started.ok) throw new Error(`voucher.start answered ${started.status}: ${await started.text()}`);
              if (i >= lastTicketSeq) continue;
              const ticket = await client.post('/api/ticket.take', { topic: 'voucher' });
              if (!ticket.ok) throw new Error(`ticket.take answered ${ticket.status}: ${await ticket.text()}`);
            }
          };
          await Promise.all([lane(), lane(), lane(), lane()]);
        };
        await visits(100);
        const after100 = rssBytes(pid);
        const t0 = performance.now();
        // A reading at every quarter: caches that fill up (SQLite's page caches, V8's heap) show as
        // a plateau, a leak as the same step every quarter.
        const readings: { visits: number; rss: number }[] = [];
        for (let quarter = 1; quarter <= 4; quarter++) {
          await visits((total * quarter) / 4 - n);
          readings.push({ visits: n, rss: rssBytes(pid) });
        }
        const afterHalf = readings[1]?.rss ?? Number.NaN;
        const afterAll = readings[3]?.rss ?? Number.NaN;
        const perThousand = ((afterAll - afterHalf) / (total / 2)) * 1000;
        return [
          {
            name: `browser host: RSS after ${total} voucher requests + ${Math.min(total, lastTicketSeq)} tickets vs after 100`,
            ratio: `${(afterAll / after100).toFixed(2)}x`,
            note: `target flat (growth in the second half about 0); 100: ${mib(after100)}, ${readings.map((r) => `${r.visits}: ${mib(r.rss)}`).join(', ')}; 100->${total} ${mib(afterAll - after100)}, second half ${mib(afterAll - afterHalf)} (${mib(perThousand)} per 1,000 visits); ${((performance.now() - t0) / 1000).toFixed(0)} s`,
          },
        ];
      } finally {
        await host.stop();
      }
    },
  },
];
