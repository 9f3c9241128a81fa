import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';

/** The toolbar stays one row at every text size, in portrait and landscape, with labels of at least 20 px. */
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('kiosk-toolbar')]);
});
test.afterAll(async () => {
  await host?.stop();
});

async function toolbarFacts(page: Page): Promise<{ rows: number; smallestLabel: number; clipped: string[]; count: number }> {
  return page.locator('.toolbar').evaluate((bar) => {
    const tools = Array.from(bar.querySelectorAll<HTMLElement>('.tool'));
    const labels = Array.from(bar.querySelectorAll<HTMLElement>('.tool__label'));
    return {
      count: tools.length,
      rows: new Set(tools.map((tool) => Math.round(tool.getBoundingClientRect().top))).size,
      smallestLabel: Math.min(...labels.map((label) => parseFloat(getComputedStyle(label).fontSize))),
      clipped: tools.filter((tool) => tool.scrollWidth > tool.clientWidth + 1 || tool.scrollHeight > tool.clientHeight + 1).map((tool) => tool.dataset.tool ?? ''),
    };
  });
}

for (const viewport of [
  { width: 1080, height: 1920, name: 'portrait' },
  { width: 1920, height: 1080, name: 'landscape' },
]) {
  for (const language of ['Nederlands', 'English', 'العربية'] as const) {
    test(`${viewport.name}, ${language}: one row at every text size, labels at least 20 px, nothing clipped`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await page.goto(await host.fresh());
      await page.getByRole('button', { name: language }).click();
      await expect(page.getByTestId('home-voucher')).toBeVisible();
      for (const size of ['normal', 'large', 'largest'] as const) {
        await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
        await page.evaluate(() => document.fonts.ready);
        const facts = await toolbarFacts(page);
        if (language === 'Nederlands') await page.screenshot({ path: testInfo.outputPath(`toolbar-${viewport.name}-${size}.png`) });
        expect(facts.count, size).toBeGreaterThanOrEqual(7);
        expect(facts.rows, `${size}: toolbar rows`).toBe(1);
        expect(facts.smallestLabel, `${size}: smallest label`).toBeGreaterThanOrEqual(20);
        expect(facts.clipped, `${size}: clipped tools`).toEqual([]);
        await page.locator('[data-tool="text-size"]').click();
      }
    });
  }
}
