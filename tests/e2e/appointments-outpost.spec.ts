import { expect, test, type Page } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSim } from '../../electron/central-sim/sim-server';
import { resourcesDir, tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { startSim } from '../support/sync-rig';
import { until } from '../support/until';
import { callHost } from './counter/desk-support';
import { checkDialog, checkScreen, screenTitle } from './kiosk-helpers';

/**
 * An outpost kiosk in a library: no desk, no staff, no hub. It books at its region's staffed shops
 * through the central-API simulator (real HTTP). Both clocks start on the same Tuesday morning.
 */
function libfaketime(): string {
  const found = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map((arch) => `/usr/lib/${arch}/faketime/libfaketime.so.1`).find((file) => existsSync(file));
  if (!found) throw new Error('libfaketime is missing: apt-get install faketime');
  return found;
}
const morning = new Date('2026-12-08T09:00:00Z');

let sim: RunningSim;
let kiosk: SpawnedHost;
test.beforeAll(async () => {
  sim = await startSim({ contentPackFile: join(resourcesDir, 'content', 'sample', 'pack.json'), now: () => morning, outpostPlaces: 1 });
  const dataDir = tempDir('outpost-kiosk');
  writeFileSync(join(dataDir, 'enrollment-code'), sim.issueEnrollmentCode());
  const config = join(tempDir('outpost-config'), 'device.json');
  writeFileSync(
    config,
    JSON.stringify({ role: 'kiosk', mode: 'outpost', demo: true, location: { id: 'utrecht-bibliotheek-kanaleneiland', name: 'Bibliotheek Kanaleneiland' }, region: 'midden-utrecht', centralApiUrl: sim.url }),
  );
  kiosk = await spawnHost(['--data-dir', dataDir, '--config', config], { LD_PRELOAD: libfaketime(), FAKETIME: '@2026-12-08 10:00:00', DONT_FAKE_MONOTONIC: '1', TZ: 'Europe/Amsterdam' });
  // The outpost talks to the central API with the token its one-time code gets it.
  await until(async () => (await callHost(kiosk, 'device.status', {})).enrollment === 'enrolled', 20_000, 'the outpost enrolled');
});
test.afterAll(async () => {
  await kiosk?.stop();
  await sim?.close();
});

async function start(page: Page): Promise<void> {
  await page.goto(await kiosk.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByTestId('home-appointment')).toBeVisible();
}

/** Nothing on screen that hands out a number or sends the visitor to a desk that is not there. */
async function expectNoTicketPath(page: Page, where: string): Promise<void> {
  await expect(page.getByText(/nummer|balie/i), `${where}: no number or desk offered`).toHaveCount(0);
  await expect(page.getByTestId('home-talk')).toHaveCount(0);
  await expect(page.getByTestId('home-checkin')).toHaveCount(0);
}

test('an outpost offers information, the check and appointments at the region\'s shops, never a ticket or a desk', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await start(page);
  await expect(page.locator('[data-screen="home"]')).toHaveAttribute('data-mode', 'outpost');
  await expect(page.getByTestId('home-information')).toBeVisible();
  await expect(page.getByTestId('home-eligibility')).toBeVisible();
  await expect(page.getByTestId('home-voucher')).toHaveCount(0);
  await expectNoTicketPath(page, 'home');
  await checkScreen(page, testInfo, 'outpost-home');

  // "Help" instead of "ask a staff member": the shops' phone numbers and an appointment, no number.
  await expect(page.locator('[data-tool="staff"]')).toHaveText('Hulp');
  await checkDialog(page, testInfo, 'outpost-help', () => page.locator('[data-tool="staff"]').click());
  await page.locator('[data-tool="staff"]').click();
  const help = page.getByTestId('staff-dialog');
  await expect(help).toContainText('Hier werkt niemand van De Loopbaanwinkel');
  await expect(help.getByTestId('outpost-shops')).toContainText('030 200 10 10');
  await expect(help.getByRole('button', { name: 'Neem een nummer' })).toHaveCount(0);
  await help.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(screenTitle(page)).toHaveText('Waarover wil je praten?');

  // An eligible check ends in an appointment at a shop: no request to finish at a desk, no number.
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  for (const [label, value] of [['Dag', '14'], ['Maand', '3'], ['Jaar', '1980']] as const) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Volgende' }).click();
  for (const [question, yes] of [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', false]] as const) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    await page.getByRole('button', { name: yes ? 'Ja' : 'Nee', exact: true }).click();
  }
  await expect(page.locator('[data-screen="eligibility-result"]')).toHaveAttribute('data-outcome', 'eligible');
  await expect(page.getByTestId('result-request')).toHaveCount(0);
  await expect(page.getByTestId('result-talk')).toHaveText('Afspraak maken');
  await expectNoTicketPath(page, 'eligibility result');
  await page.getByTestId('result-talk').click();
  await expect(screenTitle(page)).toHaveText('Waarover wil je praten?');

  // The contract agrees: the core gives an outpost no ticket.
  const ticket = await page.evaluate(async () => (await fetch('/api/ticket.take', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ topic: 'voucher' }) })).status);
  expect(ticket).toBeGreaterThanOrEqual(400);
});

test('an outpost books at a staffed shop of its region, nearest first, through the central API', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await start(page);
  await page.getByTestId('home-appointment').click();
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  await expect(screenTitle(page)).toHaveText('Bij welke winkel?');
  const shops = page.locator('[data-testid^="appointment-location-"]');
  await expect(shops).toHaveCount(2);
  await expect(shops.first()).toHaveAttribute('data-testid', 'appointment-location-utrecht-centrum');
  await expect(shops.first()).toContainText('Utrecht');
  await checkScreen(page, testInfo, 'outpost-location');
  await shops.first().click();
  await expect(page.getByTestId('appointment-days').or(page.getByTestId('booking-unreachable'))).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('booking-unreachable'), 'the outpost reaches the central API').toHaveCount(0);
  await page.getByTestId('appointment-days').getByRole('button').first().click();
  await page.getByTestId('appointment-time').first().click();
  await page.getByTestId('appointment-book').click();
  await expect(screenTitle(page)).toHaveText('Je afspraak staat');
  const code = (await page.getByTestId('appointment-code').textContent()) ?? '';
  await checkScreen(page, testInfo, 'outpost-done');
  await expectNoTicketPath(page, 'confirmation');
  // The booking lives in the shop's agenda at the central API: cancelling it there by its code works.
  const cancelled = await page.evaluate(async (c) => (await (await fetch('/api/appointments.cancel', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: c }) })).json()) as { result?: unknown }, code);
  expect(cancelled.result).toMatchObject({ outcome: 'cancelled', kind: 'appointment', code });
});
