import { join } from 'node:path';
import { demoDeviceConfig } from '../electron/core/config/demo-config';
import { repoRoot, tempDir } from '../tests/support/paths';
import { buildRequestsCapability } from '../tests/support/requests-capability';
import { device, type Device } from '../tests/support/sync-rig';
import { samplePack, voucherInput } from '../tests/support/voucher-input';
import { rawDurableInsert, rawLoopbackPosts, spawnListening } from './baselines';
import { percentile, ratioRow, timeIt, type Benchmark, type BenchRow } from './harness';

async function waitAll(devices: readonly Device[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (devices.some((d) => d.outbox.pendingCount() > 0)) {
    if (Date.now() > until) throw new Error('not drained in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The simulator in its own process, so its view of concurrency is not bent by 500 clients sharing its event loop. */
async function spawnSim(faults: object): Promise<{ url: string; control(path: string, body?: unknown): Promise<unknown>; stop(): void }> {
  const { url, stop } = await spawnListening(['--import', 'tsx', join(repoRoot, 'electron', 'central-sim', 'sim-main.ts'), '--port', '0', '--faults', JSON.stringify(faults)], repoRoot);
  const control = async (path: string, body?: unknown) =>
    (await fetch(url + path, body === undefined ? { method: path.endsWith('stats') ? 'GET' : 'POST' } : { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
  return { url, control, stop };
}

interface StormResult {
  /** Peak concurrent requests at the API in the first 1.5 s after it came back. */
  wavePeak: number;
  peak: number;
  /** 95th percentile of the API's concurrency, sampled every 50 ms while the fleet drained. */
  p95: number;
  seconds: number;
  delivered: number;
  duplicates: number;
}

/**
 * 500 kiosks, 20 queued requests each, an API that was down and comes back; peak concurrency at the
 * API. The baseline is a naive fleet (fixed delays, full concurrency at once); the shipped worker
 * has full jitter, a random start after a successful probe, and ramps up from one in flight.
 */
const fleetSize = 500;
/** The shipped fleet spreads its first attempts over this much time per device (docs/performance.md). */
const resumeMsPerDevice = 20;

async function storm(shipped: boolean): Promise<StormResult> {
  const sim = await spawnSim({ down: true });
  const endpoint = { url: sim.url, issueEnrollmentCode: async () => ((await sim.control('/_sim/enrollment-codes')) as { enrollmentCode: string }).enrollmentCode };
  const devices: Device[] = [];
  try {
    for (let k = 0; k < fleetSize; k++) {
      const tuning = shipped ? { random: Math.random, rampAfterOutage: true, resumeWindowMs: fleetSize * resumeMsPerDevice } : { random: null, rampAfterOutage: false };
      const d = device(endpoint, { ...tuning, maxInFlight: 4, baseDelayMs: 100, capDelayMs: 1600, probeBaseMs: 200, circuitThreshold: 3, requestTimeoutMs: 10_000 });
      for (let i = 0; i < 20; i++) d.enqueue(i, `agg-${i}`);
      devices.push(d);
    }
    for (const d of devices) d.worker.start();
    const until = Date.now() + 30_000;
    while (devices.some((d) => !d.worker.circuitOpen) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    await sim.control('/_sim/stats/reset');
    const t0 = performance.now();
    const samples: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        // Control requests are not counted by the simulator; a sample lost to a closed keep-alive
        // socket is simply skipped.
        const stats = (await sim.control('/_sim/stats').catch(() => null)) as { concurrentNow: number } | null;
        if (stats) samples.push(stats.concurrentNow);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    // Every answer takes 100 ms, as a real API's database would: concurrency at the API is then
    // arrival rate x service time, which is what a synchronised fleet drives up.
    await sim.control('/_sim/faults', { slowRate: 1, slowMs: 100 });
    // The storm is the wave right after the API returns; later the fleet settles into steady sending.
    await new Promise((r) => setTimeout(r, 1500));
    const wave = (await sim.control('/_sim/stats')) as { peakConcurrent: number };
    await waitAll(devices, 180_000);
    sampling = false;
    await sampler;
    samples.sort((a, b) => a - b);
    const stats = (await sim.control('/_sim/stats')) as { peakConcurrent: number; distinctStored: number; duplicatesStored: number };
    return { wavePeak: wave.peakConcurrent, peak: stats.peakConcurrent, p95: percentile(samples, 95), seconds: (performance.now() - t0) / 1000, delivered: stats.distinctStored, duplicates: stats.duplicatesStored };
  } finally {
    await Promise.all(devices.map((d) => d.close()));
    sim.stop();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'durable enqueue',
    async run() {
      const dataDir = tempDir('bench-enqueue');
      const stack = buildRequestsCapability({ dataDir, config: demoDeviceConfig, pack: samplePack });
      let n = 0;
      const raw = rawDurableInsert();
      try {
        const baseline = await timeIt('enqueue baseline: one raw prepared insert, same pragmas, own transaction', async () => raw.insert(), 500);
        const row = await timeIt('voucher.start: request + outbox + audit in one synchronous=FULL commit', async () => stack.handlers['voucher.start'](voucherInput(n++), { transport: 'test', client: 'test' }), 500);
        return [baseline, ratioRow(row, baseline, { by: 'p95', target: 'target < 5x raw insert', unit: 'raw insert' })];
      } finally {
        raw.close();
        await stack.close();
      }
    },
  },
  {
    name: 'drain 10k',
    async run(): Promise<BenchRow[]> {
      // The simulator in a process of its own, as the central API is another machine; the
      // baseline's server is in one too.
      const sim = await spawnSim({});
      const endpoint = { url: sim.url, issueEnrollmentCode: async () => ((await sim.control('/_sim/enrollment-codes')) as { enrollmentCode: string }).enrollmentCode };
      const d = device(endpoint, { maxInFlight: 16 });
      try {
        // The baseline before and after the drain, so a change of the machine's load while it runs
        // moves the limit as well.
        const before = await rawLoopbackPosts(10_000, 16);
        d.store.db.transaction(() => {
          for (let i = 0; i < 10_000; i++) d.enqueue(i, `agg-${i}`);
        })();
        const t0 = performance.now();
        d.worker.start();
        await d.waitUntilDrained(120_000);
        const seconds = (performance.now() - t0) / 1000;
        const stats = (await sim.control('/_sim/stats')) as { distinctStored: number; duplicatesStored: number };
        const drained = 10_000 / seconds;
        const after = await rawLoopbackPosts(10_000, 16);
        const limit = (before + after) / 2;
        return [
          {
            name: 'drain baseline: 10,000 raw loopback POSTs to a minimal Node server (16 in flight, node:http keep-alive)',
            opsPerSec: limit,
            note: `mean of a run before (${before.toFixed(0)}/s) and after (${after.toFixed(0)}/s) the drain`,
          },
          {
            name: 'drain 10,000 queued requests to the simulator (loopback, 16 in flight)',
            opsPerSec: drained,
            ratio: `${(drained / limit).toFixed(2)}x loopback`,
            note: `target > 0.5x loopback; ${seconds.toFixed(1)} s, stored ${stats.distinctStored}, duplicates ${stats.duplicatesStored}`,
          },
        ];
      } finally {
        await d.close();
        sim.stop();
      }
    },
  },
  {
    name: 'reconnect storm',
    async run(): Promise<BenchRow[]> {
      const plain = await storm(false);
      const shipped = await storm(true);
      const note = (r: StormResult) =>
        `peak ${r.peak} concurrent (${r.wavePeak} in the first 1.5 s), p95 ${r.p95}, ${r.delivered}/10000 delivered, ${r.duplicates} duplicates, drained in ${r.seconds.toFixed(1)} s`;
      return [
        { name: 'reconnect storm 500 kiosks x 20: naive (no jitter, no ramp; baseline)', note: note(plain) },
        {
          name: 'reconnect storm 500 kiosks x 20: as shipped (jitter, jittered first attempt over 20 ms x fleet, ramp)',
          ratio: `${(shipped.peak / Math.max(1, plain.peak)).toFixed(2)}x naive peak, ${(shipped.p95 / Math.max(1, plain.p95)).toFixed(2)}x naive p95`,
          note: `target peak < 0.2x naive, all delivered, 0 duplicates; ${note(shipped)}`,
        },
      ];
    },
  },
];
