import { expect, test, type Page } from '@playwright/test';
import { startPrinterEmulator, type PrinterEmulator } from '../support/printer-emulator/printer-emulator';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { axeViolations, demoKioskConfig, screenTitle } from './kiosk-helpers';

/**
 * "Kies deze adviseur" on a provider page starts a voucher request with that provider: through
 * the check when it was not done in this visit, straight in when it was passed, never around a
 * "no" given in this visit. The receipt names the provider.
 */
let emulator: PrinterEmulator;
let host: SpawnedHost;
test.beforeAll(async () => {
  emulator = await startPrinterEmulator();
  const config = demoKioskConfig('kiosk-choose-provider', { type: 'tcp', host: emulator.host, port: emulator.port });
  host = await spawnHost(['--config', config]);
});
test.afterAll(async () => {
  await host?.stop();
  await emulator?.close();
});

const provider = { id: 'domtorenvalk', name: 'Domtorenvalk Loopbaanadvies' };

async function start(page: Page): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByTestId('home-information')).toBeVisible();
}

async function openProvider(page: Page): Promise<void> {
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-providers').click();
  await page.getByTestId(`provider-${provider.id}`).click();
  await expect(screenTitle(page)).toHaveText(provider.name);
}

/** Birth years far from any boundary, so the wall clock of the host never changes the outcome. */
async function check(page: Page, birthYear: string): Promise<void> {
  await page.getByLabel('Dag', { exact: true }).fill('15');
  await page.getByLabel('Maand', { exact: true }).fill('6');
  await page.getByLabel('Jaar', { exact: true }).fill(birthYear);
  await page.getByRole('button', { name: 'Volgende' }).click();
  if (birthYear === '2016') return;
  for (const [question, yes] of [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', false]] as const) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    await page.getByRole('button', { name: yes ? 'Ja' : 'Nee', exact: true }).click();
  }
  await expect(page.locator('[data-screen="eligibility-result"][data-outcome="eligible"]')).toBeVisible();
}

/** A fresh visit whose check said yes. */
async function startChecked(page: Page): Promise<void> {
  await start(page);
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await check(page, '1980');
}

/** From the trajectory step to the confirmation, keeping the provider chosen on its page. */
async function finishRequest(page: Page): Promise<string> {
  await expect(page.getByTestId('chosen-provider')).toContainText(provider.name);
  await page.getByTestId('trajectory-loopbaan-apk').click();
  await expect(page.getByTestId(`choose-provider-${provider.id}`)).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('provider-keep').click();
  await page.getByLabel('Je naam').fill('Sam de Vries');
  await page.getByLabel('Je telefoonnummer').fill('0612345678');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByTestId('consent-yes').click();
  await expect(page.locator('.summary')).toContainText(provider.name);
  await page.getByTestId('voucher-send').click();
  await expect(screenTitle(page)).toHaveText('Je aanvraag is gestart');
  return (await page.getByTestId('voucher-reference').textContent()) ?? '';
}

test('not checked yet: the check comes first and says so, then the request goes on with the chosen provider; the receipt names it', async ({ page }) => {
  await start(page);
  await openProvider(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('provider-choose').click();
  await expect(page.locator('[data-screen="eligibility-start"]')).toBeVisible();
  await expect(page.getByTestId('check-for-provider')).toContainText(provider.name);
  await page.getByTestId('eligibility-begin').click();
  await check(page, '1980');
  await page.getByTestId('result-request').click();
  const before = emulator.receipts.length;
  const reference = await finishRequest(page);
  const [receipt] = (await emulator.waitForReceipts(before + 1)).slice(before);
  expect(receipt?.text).toContain(reference);
  expect(receipt?.text).toContain(provider.name);
});

test('checked and allowed in this visit: "Kies deze adviseur" goes straight into the request', async ({ page }) => {
  await startChecked(page);
  await page.locator('[data-tool="home"]').click();
  await openProvider(page);
  await page.getByTestId('provider-choose').click();
  await expect(page.locator('[data-screen="voucher-trajectory"]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await finishRequest(page);
});

test('a provider that does not offer the trajectory already chosen: that trajectory is dropped, so the request never names a pair the core refuses', async ({ page }) => {
  await startChecked(page);
  await page.getByTestId('result-request').click();
  await page.getByTestId('trajectory-ontwikkeladvies').click();
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-providers').click();
  await page.getByTestId('provider-kromme-rijn-werkwijzer').click();
  await page.getByTestId('provider-choose').click();
  await expect(page.getByTestId('chosen-provider')).toContainText('Werkwijzer Kromme Rijn');
  await expect(page.locator('[data-testid^="trajectory-"][aria-pressed="true"]')).toHaveCount(0);
});

test('refused in this visit: "Kies deze adviseur" does not get around it, the kiosk says why and offers a person', async ({ page }) => {
  await start(page);
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await check(page, '2016');
  await expect(page.locator('[data-screen="eligibility-result"][data-outcome="notEligible"]')).toBeVisible();
  await page.locator('[data-tool="home"]').click();
  await openProvider(page);
  await page.getByTestId('provider-choose').click();
  await expect(page.getByTestId('eligibility-again')).toContainText('Klopt er iets niet? Vraag een medewerker.');
  await expect(page.getByTestId('eligibility-ask-staff')).toHaveClass(/button--primary/);
  await expect(page.locator('[data-screen^="voucher-"]')).toHaveCount(0);
});
