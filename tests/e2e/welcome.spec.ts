import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';

let host: SpawnedHost;

test.afterEach(async () => {
  await host?.stop();
});

test('the kiosk welcome screen shows data from the core and switches language', async ({ page }, testInfo) => {
  host = await spawnHost();
  await page.goto(host.url);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij de Loopbaanwinkel');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  // The location name and demo badge come from the core over the contract, not from the bundle.
  await expect(page.getByText('Loopbaanwinkel Utrecht Centrum', { exact: true })).toBeVisible();
  await expect(page.getByText('Demoversie')).toBeVisible();
  // The one-time address redirected to the app: nothing of it stays in the address bar.
  expect(page.url()).toBe(`${host.origin}/`);
  await page.screenshot({ path: testInfo.outputPath('kiosk-welcome-nl.png') });

  // One tap on a language starts the visit in that language.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How can we help you?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Ask a staff member')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('kiosk-home-en.png') });

  const box = await page.getByRole('button', { name: 'Ask a staff member' }).boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(56);
});

test('the counter start screen lists the device facts from the core', async ({ page }, testInfo) => {
  const config = join(tempDir('e2e'), 'device.json');
  // Demo mode at a chosen location: the sample content pack is installed on first start.
  writeFileSync(config, JSON.stringify({ role: 'counter', demo: true, location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle' }));
  host = await spawnHost(['--config', config]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);

  const facts = page.getByTestId('device-facts');
  await expect(facts).toContainText('Balie');
  await expect(facts).toContainText('Loopbaanwinkel Zwolle (zwolle-centrum)');
  await expect(facts).toContainText('regio-zwolle');
  await expect(facts).toContainText('2026.11.0-sample');
  await expect(facts).toContainText('0.1.0');
  await page.screenshot({ path: testInfo.outputPath('counter-start.png') });
});

test('a page opened without its one-time address says so in plain words', async ({ page }) => {
  host = await spawnHost();
  await page.goto(host.origin);
  await expect(page.getByRole('alert')).toHaveText('De kiosk kan nu niet starten. Vraag een medewerker om hulp.');
});

test("a region's colours from the device config recolour the kiosk; high contrast still wins", async ({ page }) => {
  const config = join(tempDir('e2e'), 'device.json');
  writeFileSync(config, JSON.stringify({ role: 'kiosk', demo: true, location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle', theme: { brand: '#005A32' } }));
  host = await spawnHost(['--config', config]);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('.kiosk__bar')).toHaveCSS('background-color', 'rgb(0, 90, 50)');
  await expect(page.locator('[data-tool="staff"]')).toHaveCSS('background-color', 'rgb(0, 90, 50)');
  await page.locator('[data-tool="contrast"]').click();
  await expect(page.locator('[data-tool="staff"]')).toHaveCSS('background-color', 'rgb(255, 255, 0)');
});

test('a theme visitors could not read stops the start with the field and the contrast, not a stack trace', async () => {
  const config = join(tempDir('e2e'), 'device.json');
  writeFileSync(config, JSON.stringify({ role: 'kiosk', location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle', theme: { brand: '#9fc5e8' } }));
  await expect(spawnHost(['--config', config])).rejects.toThrow(/theme\.brand.*contrast of 1\.\d\d:1/s);
});
