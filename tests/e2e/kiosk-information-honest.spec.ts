import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { axeViolations, screenTitle } from './kiosk-helpers';

/** Information that leads somewhere: one entry per subject, sorted charts, explained quality marks, the visitor's own date order and words. */
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('kiosk-information-honest')]);
});
test.afterAll(async () => {
  await host?.stop();
});

async function toInformation(page: Page, language: 'Nederlands' | 'English'): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: language }).click();
  await page.getByTestId('home-information').click();
  await expect(page.getByTestId('info-schemes')).toBeVisible();
}

/** The percentages of a chart in the order shown, as numbers. */
async function chartValues(page: Page, testId: string): Promise<number[]> {
  const values = await page.getByTestId(testId).locator('.chart__value').allInnerTexts();
  return values.map((v) => Number(v.replace(/[^\d+−-]/g, '').replace('−', '-')));
}

for (const [language, w] of [
  ['Nederlands', { schemes: 'Regelingen en geld', ended: /\(gestopt\)\s*\(afgelopen\)/, sample: 'Voorbeeldcijfers' }],
  ['English', { schemes: 'Schemes and money', ended: /\(ended\)\s*\(ended\)/, sample: 'Voorbeeldcijfers' }],
] as const) {
  test(`${language}: every subject once in the menu, scheme labels said once, charts sorted, the source line in the visitor's words and date order`, async ({ page }) => {
    await toInformation(page, language);
    await expect(page.locator('.tiles .tile').filter({ hasText: w.schemes })).toHaveCount(1);

    await page.getByTestId('info-schemes').click();
    await expect(page.locator('[data-screen="information-schemes"] .tile').first()).toBeVisible();
    for (const title of await page.locator('[data-screen="information-schemes"] .tile').allInnerTexts()) expect(title).not.toMatch(w.ended);

    await page.locator('[data-tool="back"]').click();
    await page.getByTestId('info-work').click();
    // The charts arrive after a moment of loading: read them once they are there.
    await expect(page.getByTestId('chart-shrinking').locator('.chart__value').first()).toBeVisible();
    for (const chart of ['chart-growing', 'chart-shrinking']) {
      const values = await chartValues(page, chart);
      expect(values.length, chart).toBeGreaterThan(1);
      expect(values, `${chart} largest change first`).toEqual([...values].sort((a, b) => Math.abs(b) - Math.abs(a)));
    }
    const source = page.locator('[data-screen="information-work"] p').filter({ hasText: /^(Bron|Source):/ });
    if (language === 'English') {
      await expect(source).not.toContainText(w.sample);
      // 1 October 2026, never the US "October 1, 2026".
      await expect(source).toContainText(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('a provider page explains each of its quality marks in one sentence', async ({ page }) => {
  await toInformation(page, 'Nederlands');
  await page.getByTestId('info-providers').click();
  await page.locator('[data-screen="information-providers"] .tile').first().click();
  await expect(page.locator('[data-screen="information-provider"]')).toBeVisible();
  const listed = (await page.locator('.summary__row').filter({ hasText: 'Keurmerken' }).locator('dd').innerText()).split(', ');
  expect(listed.length).toBeGreaterThan(0);
  const explained = page.getByTestId('marks-explained');
  await expect(explained.locator('.marks-explained__name')).toHaveText(listed);
  for (const sentence of await explained.locator('.marks-explained__text').allInnerTexts()) expect(sentence.length).toBeGreaterThan(30);
  expect(await axeViolations(page)).toEqual([]);
  await expect(screenTitle(page)).not.toHaveText('');
});

test('search: the field has focus and the keyboard is open on arrival; zero results suggest subjects and a person; a full field says so', async ({ page }) => {
  await toInformation(page, 'Nederlands');
  await page.getByTestId('info-search').click();
  const field = page.getByLabel('Waar zoek je naar?');
  await expect(field).toBeFocused();
  await expect(page.getByTestId('on-screen-keyboard')).toBeVisible();

  await field.fill('xqzwv');
  await expect(page.getByTestId('search-count')).toHaveText('0 resultaten');
  const none = page.getByTestId('search-none');
  await expect(none).toContainText('We vonden niets');
  await expect(none.locator('[data-testid^="suggest-"]')).toHaveCount(4);
  expect(await axeViolations(page)).toEqual([]);
  await none.getByTestId('suggest-staff').click();
  await expect(page.getByTestId('staff-dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('search-full')).toHaveCount(0);
  await field.fill('opleiding '.repeat(8));
  await expect(field).toHaveValue('opleiding '.repeat(8));
  await expect(page.getByTestId('search-full')).toContainText('niet meer dan 80 tekens');
});
