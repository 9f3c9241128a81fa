import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFleetSim } from '../electron/central-sim/fleet-sim-runner';
import { heartbeatHistoryMax } from '../shared/central-api/fleet';
import { chromiumExecutable } from '../playwright.config';
import { manualClock } from '../tests/support/manual-clock';
import { resourcesDir, tempDir } from '../tests/support/paths';
import { spawnHost } from '../tests/support/spawn-host';
import { percentile, timeIt, type Benchmark, type BenchRow } from './harness';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** About 2,000 devices: 667 shops with a counter and 1-3 kiosks each. */
const shops = 667;

async function fleetOf2000(beats: number) {
  const dataDir = tempDir('bench-fleet');
  const clock = manualClock(new Date('2026-11-24T12:00:00.000Z'));
  const fleet = await startFleetSim({ dataDir, resourcesDir, clock, shops, backfillBeats: beats });
  return { fleet, dataDir };
}

async function endpointLatency(): Promise<BenchRow[]> {
  const { fleet } = await fleetOf2000(heartbeatHistoryMax);
  try {
    const session = (await (await fetch(`${fleet.sim.url}/v1/it/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fleet.credentials) })).json()) as { itToken: string };
    const get = (path: string) => fetch(`${fleet.sim.url}${path}`, { headers: { Authorization: `Bearer ${session.itToken}` } }).then((r) => r.arrayBuffer());
    const devices = fleet.simulation.devices;
    let i = 0;
    const note = `${devices.length} devices, ${heartbeatHistoryMax} heartbeats each`;
    const rows = [
      await timeIt('fleet API: GET /v1/fleet/devices (all)', () => get('/v1/fleet/devices'), 20),
      await timeIt('fleet API: GET /v1/fleet/devices?region=', () => get('/v1/fleet/devices?region=midden-utrecht'), 20),
      await timeIt('fleet API: GET one device\'s heartbeats', () => get(`/v1/fleet/devices/${devices[i++ % devices.length]?.deviceId ?? ''}/heartbeats`), 50),
      await timeIt('fleet API: GET /v1/fleet/rollout', () => get('/v1/fleet/rollout'), 20),
    ];
    return rows.map((r) => ({ ...r, note: `${r.note ?? ''}; ${note}` }));
  } finally {
    await fleet.close();
  }
}

// Kept as a string: it runs in the page, which has the DOM this Node file does not.
const renderOnce = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const t0 = performance.now();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: '3', altKey: true }));
  while (!document.querySelector('.fleet-devices tbody tr')) await frame();
  const took = performance.now() - t0;
  window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', altKey: true }));
  while (document.querySelector('.fleet-devices')) await frame();
  return took;
})()`;

const typeAll = `(async () => {
  const input = document.querySelector('.fleet-filters input[type=search]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const times = [];
  for (const text of ['g', 'gr', 'gro', 'groo', 'groot', 'groot-', 'groot-a', '', 'z', 'ze', 'zee', '', 'r', 'ri', 'rij', 'rijn', '', 'h', 'ha', 'haa', '', '0', '0.', '0.1', '']) {
    const t0 = performance.now();
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - t0);
  }
  return times;
})()`;

async function deviceTable(): Promise<BenchRow[]> {
  const { fleet, dataDir } = await fleetOf2000(3);
  const config = join(dataDir, 'fleet-console.json');
  writeFileSync(config, JSON.stringify({ role: 'fleet', location: { id: 'regio-it', name: 'Regionale IT' }, region: 'midden-utrecht', centralApiUrl: fleet.sim.url, fleet: { credentialsFile: fleet.credentialsFile } }));
  const host = await spawnHost(['--config', config]);
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(host.url);
    await page.getByRole('heading', { name: /in totaal/ }).waitFor();
    // Data already in the screen: from Alt+3 to the table drawn with its first rows.
    const render: number[] = [];
    for (let n = 0; n < 20; n++) {
      render.push(await page.evaluate<number>(renderOnce));
    }
    await page.keyboard.press('Alt+3');
    await page.locator('.fleet-devices tbody tr').first().waitFor();
    // Filter as you type: one key into the search field until the next frame has the filtered table.
    const typed = await page.evaluate<number[]>(typeAll);
    render.sort((a, b) => a - b);
    typed.sort((a, b) => a - b);
    const devices = fleet.simulation.devices.length;
    return [
      { name: 'fleet console: devices table, data to rendered', p50: percentile(render, 50), p95: percentile(render, 95), note: `n=${render.length}, ${devices} devices (first 250 rows drawn)` },
      { name: 'fleet console: filter as you type', p50: percentile(typed, 50), p95: percentile(typed, 95), note: `n=${typed.length}, ${devices} devices, key to next frame` },
    ];
  } finally {
    await browser.close();
    await host.stop();
    await fleet.close();
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'fleet endpoints with 2,000 devices\' history', run: endpointLatency },
  { name: 'fleet console device table', run: deviceTable },
];
