import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumExecutable } from '../playwright.config';
import { rendererDist } from '../tests/support/paths';
import { spawnHost } from '../tests/support/spawn-host';
import { percentile, type Benchmark, type BenchRow } from './harness';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Gzipped size of what the first screen loads: the entry script and stylesheet (lazy chunks excluded). */
function initialBundle(): BenchRow {
  const html = readFileSync(join(rendererDist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const asset of assets) {
    const bytes = readFileSync(join(rendererDist, asset));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { name: 'kiosk renderer: initial JS + CSS', note: `${(gzip / 1024).toFixed(1)} KiB gzip (${(raw / 1024).toFixed(1)} KiB raw, ${assets.length} files)` };
}

/**
 * One scripted visitor, run inside the page with real DOM clicks so a thousand of them fit in
 * seconds: language, home, request a voucher, a trajectory, a name typed on the on-screen keyboard,
 * then "Stop and erase". Returns the tap-to-next-screen times it measured.
 */
// Kept as a string: tsx would wrap named inner functions in a helper the page does not have.
const visitScript = `async (n) => {
  // A message-channel tick: nested setTimeout(0) is clamped to 4 ms, which would time the timer, not the kiosk.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const tick = () => new Promise((r) => { waiting.push(r); channel.port2.postMessage(0); });
  const q = (selector) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error('missing ' + selector);
    return el;
  };
  const taps = [];
  // Taps and waits until the screen title changed: the time a visitor waits for the next screen.
  const tapToScreen = async (selector) => {
    const before = document.getElementById('screen-title');
    const t0 = performance.now();
    q(selector).click();
    while (document.getElementById('screen-title') === before) await tick();
    taps.push(performance.now() - t0);
  };
  for (let i = 0; i < n; i++) {
    await tapToScreen('[data-language="en"]');
    await tapToScreen('[data-testid="home-voucher"]');
    await tapToScreen('[data-testid="trajectory-loopbaan-apk"]');
    q('input[name="name"]').focus();
    await tick();
    for (const key of 'visitor') q('[data-key="' + key + '"]').click();
    q('[data-tool="stop"]').click();
    await tick();
    await tapToScreen('[data-testid="stop-dialog"] .button--primary');
    await tick();
  }
  return taps;
}`;

/**
 * Scripted visitors, run inside the page with real DOM clicks so a thousand of them fit in
 * seconds: language, home, request a voucher, a trajectory, a name typed on the on-screen keyboard,
 * then "Stop and erase". Returns the tap-to-next-screen times measured.
 */
async function runVisits(page: Page, count: number): Promise<number[]> {
  return (await page.evaluate(`(${visitScript})(${count})`)) as number[];
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'kiosk renderer',
    async run(): Promise<BenchRow[]> {
      const rows: BenchRow[] = [initialBundle()];
      const host = await spawnHost();
      const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
      try {
        const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
        await page.goto(host.url);
        await page.locator('[data-language="en"]').waitFor();
        await runVisits(page, 10);
        const after10 = await heapAfterGc(page);
        const started = performance.now();
        const taps = await runVisits(page, 490);
        const after500 = await heapAfterGc(page);
        taps.push(...(await runVisits(page, 500)));
        const seconds = (performance.now() - started) / 1000;
        const after1000 = await heapAfterGc(page);
        taps.sort((a, b) => a - b);
        rows.push({
          name: 'kiosk: tap to next screen (scripted walk)',
          p50: percentile(taps, 50),
          p95: percentile(taps, 95),
          note: `n=${taps.length} taps in 990 visits (${seconds.toFixed(0)} s); target p95 < 100 ms`,
        });
        const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
        rows.push({
          name: 'kiosk: JS heap after 1,000 visits vs after 10',
          ratio: `${(after1000 / after10).toFixed(2)}x`,
          note: `after forced GC: 10 visits ${kib(after10)}, 500 ${kib(after500)}, 1,000 ${kib(after1000)}; 500->1,000: ${after1000 >= after500 ? '+' : ''}${kib(after1000 - after500)}`,
        });
      } finally {
        await browser.close();
        await host.stop();
      }
      return rows;
    },
  },
];
