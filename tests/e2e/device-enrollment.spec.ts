import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSim } from '../../electron/central-sim/sim-server';
import { addItAccount } from '../support/it-account';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { startSim } from '../support/sync-rig';
import { callHost, counterConfig, expectNoAxeViolations, setUpDesk } from './counter/desk-support';
import { until } from '../support/until';

let host: SpawnedHost | undefined;
let sim: RunningSim | undefined;
test.afterEach(async () => {
  await host?.stop();
  await sim?.close();
  host = sim = undefined;
});

function kioskConfig(centralApiUrl: string): string {
  const file = join(tempDir('kiosk-config'), 'device.json');
  writeFileSync(file, JSON.stringify({ role: 'kiosk', location: { id: 'deventer', name: 'Loopbaanwinkel Deventer' }, region: 'stedendriehoek', centralApiUrl }));
  return file;
}

const enrolledDevices = (running: RunningSim): number => (running.store.db.prepare('SELECT count(*) AS n FROM devices WHERE revoked = 0').get() as { n: number }).n;

test('a kiosk whose token is revoked tells visitors calmly, keeps working, and keeps the queued ticket', async ({ page }) => {
  sim = await startSim();
  const dataDir = tempDir('kiosk-revoked');
  // IT's provisioning file: one code, spent by the first enrollment.
  writeFileSync(join(dataDir, 'enrollment-code'), sim.issueEnrollmentCode());
  host = await spawnHost(['--config', kioskConfig(sim.url), '--data-dir', dataDir]);
  const running = sim;
  await until(() => enrolledDevices(running) === 1, 20_000);
  await page.goto(host.url);
  await expect(page.locator('[data-language="en"]')).toBeVisible();
  await expect(page.getByTestId('kiosk-not-enrolled')).toHaveCount(0);

  // IT revokes the device at the central API (through the simulator's control API, as an operator would).
  const revoked = await fetch(`${sim.url}/_sim/revoke-tokens`, { method: 'POST' });
  expect(revoked.status).toBe(200);
  const ticket = await callHost(host, 'ticket.take', { topic: 'loopbaanadvies' });
  expect(ticket).toHaveProperty('number');

  const notice = page.getByTestId('kiosk-not-enrolled');
  await expect(notice).toBeVisible({ timeout: 25_000 });
  await expect(notice).toContainText('Vraag een medewerker');
  await expect(notice).toHaveAttribute('role', 'status');
  await expectNoAxeViolations(page, 'kiosk with the not-enrolled notice');

  // The visitor's language changes the notice too; the kiosk still works for information.
  await page.locator('[data-language="en"]').click();
  await expect(notice).toContainText('Requests and tickets are kept on this device');
  await page.screenshot({ path: test.info().outputPath('kiosk-not-enrolled.png') });

  const sync = await callHost(host, 'sync.status', {});
  expect(Number(sync.queued) + Number(sync.inFlight)).toBe(1);
  expect(sim.store.received()).toHaveLength(0);
  expect(await callHost(host, 'device.status', {})).toMatchObject({ enrollment: 'not-enrolled' });
});

test('the counter says "not enrolled, ask IT"; IT types a new code, the banner goes, updates say this build does not update itself', async ({ page }) => {
  sim = await startSim();
  const dataDir = tempDir('counter-enroll');
  host = await spawnHost(['--config', counterConfig({ extra: { centralApiUrl: sim.url } }), '--data-dir', dataDir]);
  await page.goto(host.url);
  await setUpDesk(page);

  const banner = page.getByTestId('counter-not-enrolled');
  await expect(banner).toContainText('Dit apparaat is niet aangemeld. Vraag IT.', { timeout: 25_000 });

  // A location manager sees the state but has no code field: enrolling is IT's.
  await page.getByRole('button', { name: /Dit apparaat/ }).click();
  await expect(page.getByTestId('enrollment-state')).toHaveAttribute('data-state', 'not-enrolled');
  await expect(page.getByLabel('Eenmalige aanmeldcode')).toHaveCount(0);

  // The browser host has no updater: the desk says so plainly, with no install button.
  await expect(page.getByTestId('update-phase')).toHaveAttribute('data-phase', 'disabled');
  await expect(page.getByTestId('update-phase')).toHaveText('Deze versie werkt zichzelf niet bij.');
  await expect(page.getByTestId('update-reason')).toContainText('browser host');
  await expect(page.getByTestId('update-current')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: /nu installeren/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'desk device view');

  await addItAccount(dataDir);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByLabel('Gebruikersnaam').fill('ivo');
  await page.getByLabel('Persoonlijke pincode').fill('739164');
  await page.getByLabel('Persoonlijke pincode').press('Enter');
  await expect(page.getByText('Ivo (IT) (IT)')).toBeVisible();
  await page.getByRole('button', { name: /Dit apparaat/ }).click();

  const field = page.getByLabel('Eenmalige aanmeldcode');
  await field.fill('ACDE-FGHJ-KMNP');
  await field.press('Enter');
  await expect(page.getByTestId('enroll-outcome')).toContainText('De code is niet geaccepteerd');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(sim.issueEnrollmentCode().toLowerCase());
  await field.press('Enter');
  await expect(page.getByTestId('enroll-outcome')).toHaveText('Aangemeld. Bewaarde aanvragen worden nu verstuurd.');
  await expect(page.getByTestId('enrollment-state')).toHaveAttribute('data-state', 'enrolled');
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  expect(enrolledDevices(sim)).toBe(1);
  await page.screenshot({ path: test.info().outputPath('counter-enrolled.png') });

  // IT's diagnostics on the same screen: the health the heartbeat reports and the settings, no secrets.
  const facts = page.getByTestId('diagnostics-facts');
  await expect(facts).toContainText('Databaseversie');
  await expect(facts).toContainText('geen locatiehub ingesteld');
  await page.getByText('Instellingen van dit apparaat (zonder geheimen)').click();
  await expect(page.getByTestId('diagnostics-config')).toContainText('"role": "counter"');
  await expectNoAxeViolations(page, 'device view with diagnostics');
});
