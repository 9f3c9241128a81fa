import { readFileSync } from 'node:fs';
import { openClient } from '../tests/support/host-client';
import { spawnHost } from '../tests/support/spawn-host';
import { voucherInput } from '../tests/support/voucher-input';
import type { Benchmark, BenchRow } from './harness';

/** Resident set size of a process, from the kernel's own accounting. */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) * 1024;
}

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
        // Four callers at once, as a kiosk and a desk or two would: the host serves them in turn,
        // and 20,000 calls one by one would take minutes on a loaded machine.
        const visits = async (count: number): Promise<void> => {
          const last = n + count;
          const lane = async (): Promise<void> => {
            while (n < last) {
              const i = n++;
              const started = await client.post('/api/voucher.start', voucherInput(i));
              if (!started.ok) throw new Error(`voucher.start answered ${started.status}: ${await started.text()}`);
              const ticket = await client.post('/api/ticket.take', { topic: 'voucher' });
              if (!ticket.ok) throw new Error(`ticket.take answered ${ticket.status}: ${await ticket.text()}`);
            }
          };
          await Promise.all([lane(), lane(), lane(), lane()]);
        };
        await visits(100);
        const after100 = rssBytes(pid);
        const t0 = performance.now();
        await visits(4_900);
        const after5k = rssBytes(pid);
        await visits(5_000);
        const after10k = rssBytes(pid);
        return [
          {
            name: 'browser host: RSS after 10,000 voucher requests + 10,000 tickets vs after 100',
            ratio: `${(after10k / after100).toFixed(2)}x`,
            note: `target flat (growth 5,000->10,000 about 0); 100: ${mib(after100)}, 5,000: ${mib(after5k)}, 10,000: ${mib(after10k)}; 100->10,000 ${mib(after10k - after100)}, 5,000->10,000 ${mib(after10k - after5k)}; ${((performance.now() - t0) / 1000).toFixed(0)} s`,
          },
        ];
      } finally {
        await host.stop();
      }
    },
  },
];
