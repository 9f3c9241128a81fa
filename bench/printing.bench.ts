import { createCore } from '../electron/core/app-core';
import { silentLogger } from '../electron/core/log/logger';
import { resourcesDir, tempDir } from '../tests/support/paths';
import { startPrinterEmulator } from '../tests/support/printer-emulator/printer-emulator';
import { emulatorPrinter, kioskConfig } from '../tests/support/printing-fixtures';
import { voucherInput } from '../tests/support/voucher-input';
import { percentile, type Benchmark } from './harness';

const runs = 60;
const warmup = 5;

export const benchmarks: Benchmark[] = [
  {
    name: 'voucher receipt: confirm to last byte at the printer',
    async run() {
      const rows = [];
      for (const paperWidthMm of [80, 58] as const) {
        const emulator = await startPrinterEmulator();
        const core = createCore({
          // demo: the sample pack's rules decide each request
          config: { ...kioskConfig(emulatorPrinter(emulator, { paperWidthMm })), demo: true },
          appVersion: 'bench',
          resourcesDir,
          dataDir: tempDir('bench-print'),
          shell: 'browser',
          logger: silentLogger,
        });
        const samples: number[] = [];
        try {
          for (let i = 0; i < warmup + runs; i++) {
            const t0 = performance.now();
            const started = await core.dispatch('voucher.start', voucherInput(i), { transport: 'test', client: 'test' });
            if (!started.ok) throw new Error(started.error.message);
            await emulator.waitForReceipts(i + 1);
            if (i >= warmup) samples.push(emulator.lastByteAt() - t0);
          }
        } finally {
          await core.close();
          await emulator.close();
        }
        samples.sort((a, b) => a - b);
        rows.push({
          name: `voucher.start -> last receipt byte at the emulator (EPSON, ${paperWidthMm} mm, TCP on loopback)`,
          p50: percentile(samples, 50),
          p95: percentile(samples, 95),
          note: `n=${runs}; includes the SQLite commit (synchronous=FULL), DLE EOT status and the cut`,
        });
      }
      return rows;
    },
  },
];
