import { expect, test, type Page } from '@playwright/test';
import { startPrinterEmulator, type PrinterEmulator } from '../support/printer-emulator/printer-emulator';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { axeViolations, demoKioskConfig } from './kiosk-helpers';

/**
 * A printer that takes the connection and never answers (hung) keeps the job "sending" for the
 * whole give-up time (60 s here). The visitor must hear the truth long before that: within 12 s of the number appearing.
 */
let emulator: PrinterEmulator;
let host: SpawnedHost;
test.beforeAll(async () => {
  emulator = await startPrinterEmulator();
  await emulator.setMode('hang');
  const config = demoKioskConfig('kiosk-hung-printer', { type: 'tcp', host: emulator.host, port: emulator.port, giveUpAfterSeconds: 60 });
  host = await spawnHost(['--config', config]);
});
test.afterAll(async () => {
  await host?.stop();
  await emulator?.close();
});

for (const [language, failed] of [
  ['Nederlands', 'De printer doet het niet. Onthoud je nummer of maak er een foto van.'],
  ['English', 'The printer is not working. Remember your number or take a photo of it.'],
  ['العربية', 'الطابعة لا تعمل. تذكّر رقمك أو التقط صورة له.'],
] as const) {
  test(`${language}: a hung printer is reported within about 10 seconds, not after the 60 s give-up time`, async ({ page }) => {
    await page.goto(await host.fresh());
    await page.getByRole('button', { name: language }).click();
    await page.getByTestId('home-talk').click();
    await page.getByTestId('ticket-topic-work').click();
    await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]{1,2}\d{3,4}$/);
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printing');
    await expect(page.getByTestId('print-status')).toHaveText(`⚠ ${failed}`, { timeout: 12_000 });
    expect(await axeViolations(page)).toEqual([]);
  });
}

/** Types text by tapping the on-screen keyboard, as a visitor does (lower case and digits only). */
async function tapKeys(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('on-screen-keyboard');
  for (const char of text) await keyboard.locator(char === ' ' ? '[data-key="space"]' : `[data-key="${char}"]`).first().click();
}

for (const [language, w] of [
  ['Nederlands', { day: 'Dag', month: 'Maand', year: 'Jaar', next: 'Volgende', yes: 'Ja', no: 'Nee', name: 'Je naam', phone: 'Je telefoonnummer', noPaper: 'Maak een foto van deze code. De printer doet het niet, dus je krijgt geen bon.', step2: 'Ga nu naar de balie met je identiteitsbewijs. Dan maken we je aanvraag af.' }],
  ['English', { day: 'Day', month: 'Month', year: 'Year', next: 'Next', yes: 'Yes', no: 'No', name: 'Your name', phone: 'Your phone number', noPaper: 'Take a photo of this code. The printer is not working, so there is no receipt.', step2: 'Go to the desk now with your proof of identity. Then we finish your request.' }],
] as const) {
  test(`${language}: with the printer down, the confirmation no longer says "take your receipt", and the next step is the desk now`, async ({ page }) => {
    await page.goto(await host.fresh());
    await page.getByRole('button', { name: language }).click();
    await page.getByTestId('home-voucher').click();
    await page.getByTestId('eligibility-begin').click();
    // Born in 1980: an adult at any date this suite can run on, without reading the clock.
    for (const [label, value] of [[w.day, '15'], [w.month, '6'], [w.year, '1980']] as const) {
      await page.getByLabel(label, { exact: true }).click();
      await tapKeys(page, value);
    }
    await page.getByRole('button', { name: w.next }).click();
    for (const [question, value] of [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', false]] as const) {
      await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
      await page.getByRole('button', { name: value ? w.yes : w.no, exact: true }).click();
    }
    await page.getByTestId('result-request').click();
    await page.getByTestId('trajectory-ontwikkeladvies').click();
    await page.getByTestId('provider-later').click();
    await page.getByLabel(w.name).click();
    await tapKeys(page, 'sam');
    await page.getByLabel(w.phone).click();
    await tapKeys(page, '0612345678');
    await page.getByRole('button', { name: w.next }).click();
    await page.getByTestId('consent-yes').click();
    await page.getByTestId('voucher-send').click();
    await expect(page.getByTestId('voucher-reference')).toBeVisible();
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'failed', { timeout: 12_000 });
    await expect(page.getByTestId('done-step1')).toHaveText(w.noPaper);
    await expect(page.locator('main')).toContainText(w.step2);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the kiosk has a favicon: no request of a page load answers 404', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(await host.fresh());
  await expect(page.getByRole('button', { name: 'Nederlands' })).toBeVisible();
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  const icon = await page.locator('link[rel="icon"]').evaluate((link: HTMLLinkElement) => link.href);
  const answer = await page.request.get(icon);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('image/svg+xml');
  expect(failed).toEqual([]);
});

test('demo mode: a simulated desk gives every ticket a waiting time, longer as more tickets are taken', async ({ page }) => {
  const waits: number[] = [];
  for (let i = 0; i < 2; i++) {
    await page.goto(await host.fresh());
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByTestId('home-talk').click();
    await page.getByTestId('ticket-topic-work').click();
    await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]{1,2}\d{3,4}$/);
    const wait = page.locator('[data-screen^="ticket"] .lead').filter({ hasText: /^Je wacht ongeveer \d+ minuten\.$/ });
    await expect(wait).toBeVisible();
    waits.push(Number((await wait.innerText()).replace(/\D/g, '')));
  }
  expect(waits[0]).toBeGreaterThanOrEqual(15);
  expect(waits[1]).toBeGreaterThanOrEqual(waits[0] ?? 0);
});
