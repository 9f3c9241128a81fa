import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { tempDir } from '../../support/paths';
import type { SpawnedHost } from '../../support/spawn-host';
import { startSim } from '../../support/sync-rig';
import { voucherInput } from '../../support/voucher-input';
import { callInPage, expectNoAxeViolations, setUpDesk, startCounter } from './desk-support';

let host: SpawnedHost | undefined;
let sim: RunningSim | undefined;

test.afterEach(async () => {
  await host?.stop();
  await sim?.close();
  host = sim = undefined;
});

test.use({ viewport: { width: 1440, height: 900 } });

const bouncing = (n: number) => {
  const input = voucherInput(n);
  return { ...input, contact: { ...input.contact, email: `bezoeker${n}@bounces.example` } };
};

test('refused by the central API: staff correct one request and resend it, and cancel another with a reason', async ({ page }) => {
  test.setTimeout(60_000);
  sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
  const dataDir = tempDir('attention-counter');
  writeFileSync(join(dataDir, 'enrollment-code'), sim.issueEnrollmentCode());
  host = await startCounter({ dataDir, extra: { centralApiUrl: sim.url, demo: true } });
  await page.goto(host.url);
  await setUpDesk(page);
  // On the counter, calls that act for a visitor come from the desk where someone is signed in.
  const first = (await callInPage(page, 'voucher.start', bouncing(5))).reference as string;
  const second = (await callInPage(page, 'voucher.start', bouncing(6))).reference as string;
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Verzendstatus', level: 2 })).toBeVisible();
  const table = page.getByTestId('attention-table');
  await expect(page.getByRole('heading', { name: '2 items vragen aandacht' })).toBeVisible({ timeout: 15_000 });
  await expect(table).toContainText('aanvraag gestart');
  await expect(table).toContainText('cannot receive mail');
  await expectNoAxeViolations(page, 'sync view with refused requests');

  // Correct: the form opens with what the visitor gave, a wrong address is caught before sending.
  await page.getByRole('button', { name: `Gegevens van aanvraag ${first} aanpassen` }).press('Enter');
  await expect(page.getByRole('heading', { name: `Aanvraag ${first} aanpassen en opnieuw versturen` })).toBeFocused();
  await expect(page.getByLabel('Naam')).toHaveValue('Testbezoeker Nummer5');
  await expect(page.getByLabel('E-mailadres')).toHaveValue('bezoeker5@bounces.example');
  await page.getByLabel('E-mailadres').fill('bezoeker5-at-voorbeeld');
  await page.getByLabel('E-mailadres').press('Enter');
  await expect(page.getByText('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.')).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'correction form with an error');
  await page.getByLabel('E-mailadres').fill('bezoeker5@voorbeeld.nl');
  await page.getByLabel('E-mailadres').press('Enter');
  await expect(page.getByText(`Aanvraag ${first} is aangepast en staat klaar om opnieuw te versturen.`)).toBeFocused();
  await expect.poll(() => sim?.store.findReceived('voucher-request', first) !== undefined, { timeout: 15_000 }).toBe(true);

  // Cancel: a reason is required, then the request is cancelled for good and never sent.
  await expect(page.getByRole('heading', { name: '1 item vraagt aandacht' })).toBeVisible();
  await page.getByRole('button', { name: `Bericht over ${second} annuleren` }).press('Enter');
  await expect(page.getByRole('heading', { name: `Bericht over ${second} annuleren` })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bezoeker wil niet verder');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Bericht over ${second} is geannuleerd.`)).toBeFocused();
  await expect(page.getByRole('heading', { name: '0 items vragen aandacht' })).toBeVisible();
  await expect(table).toHaveCount(0);

  await page.keyboard.type(second.toLowerCase(), { delay: 4 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-facts')).toContainText('Bezoeker wil niet verder');
  await page.keyboard.press('F2');
  await page.keyboard.type(first, { delay: 4 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-facts')).toContainText('bezoeker5@voorbeeld.nl');
  expect(sim.store.received().filter((r) => r.reference === first)).toHaveLength(1);
  expect(sim.store.findReceived('voucher-request', second)).toBeUndefined();
});
