import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../../support/paths';
import { spawnHost, type SpawnedHost } from '../../support/spawn-host';
import { axeViolations } from '../kiosk-helpers';
import { setTextSize, tourScreens } from './screen-tour';

/**
 * The top area of every kiosk screen (where am I, the shop and its queue, the time) in portrait and
 * landscape, and a screen that uses its whole height. The host's clock starts on a known Amsterdam
 * morning (Debian's libfaketime), so the time shown is known; the demo kiosk's simulated desk has
 * two people waiting, one called every six minutes.
 */
function libfaketime(): string {
  const found = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map((arch) => `/usr/lib/${arch}/faketime/libfaketime.so.1`).find((file) => existsSync(file));
  if (!found) throw new Error('libfaketime is missing: apt-get install faketime');
  return found;
}
const morning = { LD_PRELOAD: libfaketime(), FAKETIME: '@2026-11-24 10:00:00', DONT_FAKE_MONOTONIC: '1', TZ: 'Europe/Amsterdam' };

let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('top-area')], morning);
});
test.afterAll(async () => {
  await host?.stop();
});

const viewports = [
  { width: 1080, height: 1920, name: 'portrait' },
  { width: 1920, height: 1080, name: 'landscape' },
] as const;

/**
 * The tallest horizontal band of the viewport with nothing drawn in it (no text, pictogram or
 * control anywhere across the width), as a share of the viewport's height. What a scrolling area
 * hides does not count as drawn.
 */
async function emptiestBand(page: Page): Promise<number> {
  return page.evaluate(() => {
    const vh = document.documentElement.clientHeight;
    const clip = (el: Element, top: number, bottom: number): [number, number] | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowY;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
          const c = p.getBoundingClientRect();
          top = Math.max(top, c.top);
          bottom = Math.min(bottom, c.bottom);
        }
      }
      top = Math.max(top, 0);
      bottom = Math.min(bottom, vh);
      return bottom - top > 1 ? [top, bottom] : null;
    };
    const drawn: Array<[number, number]> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent?.trim() || !parent || parent.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        const band = clip(parent, r.top, r.bottom);
        if (band) drawn.push(band);
      }
    }
    for (const el of Array.from(document.querySelectorAll('svg, img, input, button, canvas, textarea'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const band = clip(el, r.top, r.bottom);
      if (band) drawn.push(band);
    }
    drawn.sort((a, b) => a[0] - b[0]);
    let reached = 0;
    let widest = 0;
    for (const [top, bottom] of drawn) {
      widest = Math.max(widest, top - reached);
      reached = Math.max(reached, bottom);
    }
    return Math.max(widest, vh - reached) / vh;
  });
}

const words = {
  Nederlands: { home: 'Begin', check: 'Kan ik een voucher krijgen?', step: 'Vraag 1 van 5', queue: /^2 mensen wachten, ongeveer 15 minuten$/, clock: /^10\.0\d uur$/, dir: 'ltr' },
  English: { home: 'Start', check: 'Can I get a voucher?', step: 'Question 1 of 5', queue: /^2 people waiting, about 15 minutes$/, clock: /^10:0\d$/, dir: 'ltr' },
  العربية: { home: 'البداية', check: null, step: null, queue: /^شخصان ينتظران، حوالي ١٥ دقيقة|^شخصان ينتظران، حوالي 15 دقيقة/, clock: /١٠|10/, dir: 'rtl' },
} as const;

async function expectTopArea(page: Page, viewport: (typeof viewports)[number], url: string, language: string, expected: (typeof words)[keyof typeof words]): Promise<void> {
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.getByRole('button', { name: language }).click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
  const top = page.getByTestId('top-area');
  await expect(top.getByTestId('top-task')).toHaveText(expected.home);
  await expect(top.getByTestId('top-queue')).toHaveText(expected.queue);
  await expect(top.getByTestId('top-clock').locator('time')).toHaveText(expected.clock);
  await expect(page.locator('html')).toHaveAttribute('dir', expected.dir);
  // Mirrored in Arabic: the brand starts the bar at the right, the time follows to its left.
  const clock = await top.getByTestId('top-clock').boundingBox();
  const brand = await top.locator('.kiosk__brand').boundingBox();
  if (!clock || !brand) throw new Error('the clock and the brand must be on screen');
  if (expected.dir === 'rtl') expect(clock.x + clock.width).toBeLessThan(brand.x + brand.width);
  else expect(clock.x).toBeGreaterThan(brand.x);

  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
  const step = top.getByTestId('top-step').locator('.steps__text');
  if (expected.step) await expect(step).toHaveText(expected.step);
  else await expect(step).toHaveText(/1.+5/);
  if (expected.check) await expect(top.getByTestId('top-task')).toHaveText(expected.check);
  // The step is in the top area only, not a second time in the content.
  await expect(page.locator('main .steps')).toHaveCount(0);
  // A question is no place for the queue: the visitor is busy with something else.
  await expect(top.getByTestId('top-queue')).toHaveCount(0);
  for (const size of ['normal', 'largest'] as const) {
    await setTextSize(page, size);
    expect(await axeViolations(page), `axe at ${size}`).toEqual([]);
  }
}

for (const viewport of viewports) {
  for (const [language, expected] of Object.entries(words)) {
    test(`${viewport.name}, ${language}: the top area shows the task, its step, the queue and the shop's time`, async ({ page }) => {
      // A host of its own, started at 10:00: the shared one's clock and simulated desk have moved on
      // by the time a slow run gets here (a call every six minutes), and the expected words with them.
      const own = await spawnHost(['--data-dir', tempDir('top-area-words')], morning);
      try {
        await expectTopArea(page, viewport, await own.fresh(), language, expected);
      } finally {
        await own.stop();
      }
    });
  }

  test(`${viewport.name}: every kiosk screen uses its height at the smallest and largest text size, with the top area and 0 axe violations`, async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    await page.setViewportSize(viewport);
    await tourScreens(page, await host.fresh(), async (name) => {
      for (const size of ['normal', 'largest'] as const) {
        await setTextSize(page, size);
        await expect(page.getByTestId('top-task')).toBeVisible();
        await page.screenshot({ path: testInfo.outputPath(`${name}-${viewport.name}-${size}.png`) });
        expect(await emptiestBand(page), `${name} at ${size}: the emptiest band of the screen`).toBeLessThanOrEqual(0.25);
        expect(await axeViolations(page), `axe on ${name} at ${size}`).toEqual([]);
      }
      await setTextSize(page, 'normal');
    });
  });
}
