import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoDeviceConfig } from '../electron/core/config/demo-config';
import { repoRoot, tempDir } from '../tests/support/paths';
import { buildRequestsCapability } from '../tests/support/requests-capability';
import { device, startSim, type Device } from '../tests/support/sync-rig';
import { samplePack, voucherInput } from '../tests/support/voucher-input';
import { timeIt, type Benchmark, type BenchRow } from './harness';

async function waitAll(devices: readonly Device[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (devices.some((d) => d.outbox.pendingCount() > 0)) {
    if (Date.now() > until) throw new Error('not drained in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The simulator in its own process, so its view of concurrency is not bent by 500 clients sharing its event loop. */
async function spawnSim(faults: object): Promise<{ url: string; control(path: string, body?: unknown): Promise<unknown>; stop(): void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron', 'central-sim', 'sim-main.ts'), '--port', '0', '--faults', JSON.stringify(faults)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const control = async (path: string, body?: unknown) =>
    (await fetch(url + path, body === undefined ? { method: path.endsWith('stats') ? 'GET' : 'POST' } : { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
  return { url, control, stop: () => proc.kill('SIGTERM') };
}

interface StormResult {
  /** Peak concurrent requests at the API in the first 1.5 s after it came back. */
  wavePeak: number;
  peak: number;
  seconds: number;
  delivered: number;
  duplicates: number;
}

/**
 * 500 kiosks, 20 queued requests each, an API that was down and comes back; peak concurrency at the
 * API. The baseline is a naive fleet (fixed delays, full concurrency at once); the shipped worker
 * has full jitter, a random start after a successful probe, and ramps up from one in flight.
 */
async function storm(shipped: boolean): Promise<StormResult> {
  const sim = await spawnSim({ down: true });
  const endpoint = { url: sim.url, issueEnrollmentCode: async () => ((await sim.control('/_sim/enrollment-codes')) as { enrollmentCode: string }).enrollmentCode };
  const devices: Device[] = [];
  try {
    for (let k = 0; k < 500; k++) {
      const tuning = shipped ? { random: Math.random, rampAfterOutage: true } : { random: null, rampAfterOutage: false };
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
    // Every answer takes 100 ms, as a real API's database would: concurrency at the API is then
    // arrival rate x service time, which is what a synchronised fleet drives up.
    await sim.control('/_sim/faults', { slowRate: 1, slowMs: 100 });
    // The storm is the wave right after the API returns; later the fleet settles into steady sending.
    await new Promise((r) => setTimeout(r, 1500));
    const wave = (await sim.control('/_sim/stats')) as { peakConcurrent: number };
    await waitAll(devices, 180_000);
    const stats = (await sim.control('/_sim/stats')) as { peakConcurrent: number; distinctStored: number; duplicatesStored: number };
    return { wavePeak: wave.peakConcurrent, peak: stats.peakConcurrent, seconds: (performance.now() - t0) / 1000, delivered: stats.distinctStored, duplicates: stats.duplicatesStored };
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
      try {
        const row = await timeIt('voucher.start: request + outbox + audit in one synchronous=FULL commit', async () => stack.handlers['voucher.start'](voucherInput(n++), { transport: 'test', client: 'test' }), 500);
        return [row];
      } finally {
        await stack.close();
      }
    },
  },
  {
    name: 'drain 10k',
    async run(): Promise<BenchRow[]> {
      const sim = await startSim();
      const d = device(sim, { maxInFlight: 16 });
      try {
        d.store.db.transaction(() => {
          for (let i = 0; i < 10_000; i++) d.enqueue(i, `agg-${i}`);
        })();
        const t0 = performance.now();
        d.worker.start();
        await d.waitUntilDrained(120_000);
        const seconds = (performance.now() - t0) / 1000;
        const stats = sim.stats();
        return [{ name: 'drain 10,000 queued requests to the simulator (loopback, 16 in flight)', opsPerSec: 10_000 / seconds, note: `${seconds.toFixed(1)} s, stored ${stats.distinctStored}, duplicates ${stats.duplicatesStored}` }];
      } finally {
        await d.close();
        await sim.close();
      }
    },
  },
  {
    name: 'reconnect storm',
    async run(): Promise<BenchRow[]> {
      const plain = await storm(false);
      const shipped = await storm(true);
      const note = (r: StormResult) =>
        `peak ${r.wavePeak} concurrent in the first 1.5 s (${r.peak} over the whole drain), ${r.delivered}/10000 delivered, ${r.duplicates} duplicates, ${r.seconds.toFixed(1)} s`;
      return [
        { name: 'reconnect storm 500 kiosks x 20: naive (no jitter, no ramp; baseline)', note: note(plain) },
        {
          name: 'reconnect storm 500 kiosks x 20: as shipped (jitter, random start, ramp)',
          ratio: `${(shipped.wavePeak / Math.max(1, plain.wavePeak)).toFixed(2)}x wave peak, ${(shipped.peak / Math.max(1, plain.peak)).toFixed(2)}x overall peak of naive`,
          note: note(shipped),
        },
      ];
    },
  },
];
