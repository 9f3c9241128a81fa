import { chromium } from '@playwright/test';
import { demoDeviceConfig } from '../electron/core/config/demo-config';
import { silentLogger } from '../electron/core/log/logger';
import { startHost } from '../electron/host/start-host';
import { chromiumExecutable } from '../playwright.config';
import { rendererDist, resourcesDir, tempDir } from '../tests/support/paths';
import { openClient } from '../tests/support/host-client';
import { spawnHost } from '../tests/support/spawn-host';
import { bareChromiumStart } from './baselines';
import { percentile, ratioRow, timeIt, type Benchmark, type BenchRow } from './harness';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const benchmarks: Benchmark[] = [
  {
    name: 'bridge round trip',
    async run() {
      const host = await startHost({ config: demoDeviceConfig, appVersion: 'bench', resourcesDir, dataDir: tempDir('bench'), staticDir: rendererDist, port: 0, logger: silentLogger });
      try {
        const client = await openClient(host.openUrl());
        const call = () => client.post('/api/app.info', {}).then((r) => r.json());
        const direct = await timeIt('app.info, core called directly (baseline)', () => host.core.dispatch('app.info', {}, { transport: 'test', client: 'test' }), 2000);
        const http = await timeIt('app.info over the browser host (HTTP)', call, 2000);
        http.ratio = `${((http.p50 ?? 0) / (direct.p50 ?? 1)).toFixed(1)}x direct`;
        return [direct, http];
      } finally {
        await host.close();
      }
    },
  },
  {
    name: 'cold start',
    async run(): Promise<BenchRow[]> {
      const runs = 5;
      const samples: number[] = [];
      const restarts: number[] = [];
      const bare: number[] = [];
      const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
      // From the spawn to the welcome screen's heading; the first time in a fresh data dir (the
      // sample pack is installed), the second time in the same one (a restart after a crash or an update).
      const welcome = async (dataDir: string): Promise<number> => {
        const t0 = performance.now();
        const host = await spawnHost(['--data-dir', dataDir]);
        const page = await browser.newPage();
        await page.goto(host.url);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const ms = performance.now() - t0;
        await page.close();
        await host.stop();
        return ms;
      };
      try {
        // Interleaved, so a burst of load on the machine weighs on all three the same way.
        for (let i = 0; i < runs; i++) {
          const dataDir = tempDir('cold-start');
          bare.push(await bareChromiumStart(browser));
          samples.push(await welcome(dataDir));
          restarts.push(await welcome(dataDir));
        }
      } finally {
        await browser.close();
      }
      const row = (name: string, ms: number[]): BenchRow => {
        ms.sort((a, b) => a - b);
        return { name, p50: percentile(ms, 50), p95: percentile(ms, 95), note: `n=${runs}, Chromium already running` };
      };
      bare.sort((a, b) => a - b);
      const baseline: BenchRow = { name: 'cold start baseline: a Node process serving a static page, opened in the same Chromium', p50: percentile(bare, 50), p95: percentile(bare, 95), note: `n=${runs}` };
      const measured = row('cold start: host process to rendered welcome screen (first start, sample pack installed)', samples);
      const restarted = row('cold start: the same after a restart (pack installed, store migrated)', restarts);
      const ratio = { by: 'p50', target: 'target < 3x bare', unit: 'bare' } as const;
      return [baseline, ratioRow(measured, baseline, ratio), ratioRow(restarted, baseline, ratio)];
    },
  },
];
