import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rolloutPosition } from '../../../electron/core/updates/rollout-ring';
import { runRelease } from '../../../scripts/release-tool/release-verbs';
import { FleetDeviceList } from '../../../shared/central-api/fleet';
import { axeViolations } from '../kiosk-helpers';
import { tempDir } from '../../support/paths';
import { spawnHost, type SpawnedHost } from '../../support/spawn-host';

let host: SpawnedHost;

test.afterEach(async () => {
  await host?.stop();
});

test.use({ viewport: { width: 1440, height: 1000 } });

/** A CSV line split on commas outside quotes, quotes undone: enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').filter((l) => l !== '')) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

const alertKindsOfFaults = ['silent', 'printer-paper-out', 'printer-offline', 'update-failed', 'needs-attention-old', 'disk-almost-full', 'content-old'];

async function expectAxeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

test('the fleet console shows 500 shops, every injected fault as an alert, filters, a device page and a CSV export', async ({ page }, testInfo) => {
  host = await spawnHost(['--role', 'fleet']);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vlootbeheer Loopbaanwinkels');
  await expect(page.getByRole('heading', { name: /Apparaten naar toestand \(\d{4} in totaal\)/ })).toBeVisible();
  await expect(page.getByText('Demo: gesimuleerde vloot')).toBeVisible();
  await expect(page.getByTestId('rollout-pilot-in-stage')).toContainText('van 2');
  await page.screenshot({ path: testInfo.outputPath('fleet-overview.png'), fullPage: true });
  await expectAxeClean(page);

  // Keyboard first: Alt+2 is the alerts list, most urgent first.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: /Meldingen, de dringendste eerst/ })).toBeVisible();
  const kinds = await page.locator('tr[data-kind]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind') ?? ''));
  for (const kind of alertKindsOfFaults) expect(kinds, kind).toContain(kind);
  // Ordered by urgency: every kind's rows come before the next kind's.
  const order = kinds.map((k) => alertKindsOfFaults.indexOf(k));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(kinds[0]).toBe('silent');
  await page.screenshot({ path: testInfo.outputPath('fleet-alerts.png') });
  await expectAxeClean(page);

  // From an alert to its device: the device page with its heartbeat history.
  const firstPaperOut = page.locator('tr[data-kind="printer-paper-out"]').first();
  const deviceId = await firstPaperOut.getAttribute('data-device');
  await firstPaperOut.getByRole('button').click();
  await expect(page.getByRole('heading', { name: /Hartslagen, de nieuwste eerst \(\d+\)/ })).toBeVisible();
  await expect(page.getByText(`Apparaat-id: ${deviceId}`)).toBeVisible();
  expect(await page.locator('.fleet-history tbody tr').count()).toBeGreaterThan(5);
  await expect(page.locator('.fleet-history tbody tr').first()).toContainText('Papier op');
  await page.screenshot({ path: testInfo.outputPath('fleet-device.png') });
  await expectAxeClean(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /Meldingen, de dringendste eerst/ })).toBeVisible();

  // The devices table: search as you type, then filters.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Apparaten', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/^\d{4} apparaten; de eerste 250/);
  await page.getByLabel('Zoeken').fill('groningen-0');
  await expect(page.getByRole('status')).toHaveText(/^\d{1,2} apparaten$/);
  const rows = page.locator('.fleet-devices tbody tr');
  for (const text of await rows.allTextContents()) expect(text).toContain('groningen-0');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByLabel('Toestand').selectOption('silent');
  await expect(page.getByRole('status')).toHaveText(/^\d{1,2} apparaten$/);
  for (const text of await rows.allTextContents()) expect(text).toContain('Stil (geen hartslag)');
  const silentCount = await rows.count();
  expect(silentCount).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('fleet-devices.png') });
  await expectAxeClean(page);

  // The export holds what the table shows.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren naar CSV' }).click();
  const file = await (await download).path();
  const csv = parseCsv(readFileSync(file, 'utf8'));
  expect(csv[0]?.slice(0, 5)).toEqual(['deviceId', 'locationId', 'region', 'role', 'health']);
  expect(csv.slice(1)).toHaveLength(silentCount);
  for (const row of csv.slice(1)) expect(row[4]).toBe('silent');
  const shownIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-device')));
  expect(csv.slice(1).map((r) => r[0]).sort()).toEqual([...shownIds].sort());

  // English for IT staff who prefer it.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loopbaanwinkel fleet console');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAxeClean(page);
});

test('after npm run release stages stable at 25 %, the rollout in the console shows the stable shops below 25 updated', async ({ page }) => {
  const dataDir = tempDir('fleet-e2e');
  host = await spawnHost(['--role', 'fleet', '--data-dir', dataDir]);
  await page.goto(host.url);
  await expect(page.getByTestId('rollout-stable-in-stage')).toBeVisible();
  const updateDir = /update folder for npm run release: (\S+)/.exec(host.stdout())?.[1] ?? '';
  const quiet = { out: () => undefined, err: () => undefined, now: () => new Date(0), defaultLocations: '' };
  expect(runRelease(['promote', '--from', 'pilot', '--to', 'stable', '--dir', updateDir], quiet)).toBe(0);
  expect(runRelease(['stage', '--channel', 'stable', '--percent', '25', '--dir', updateDir], quiet)).toBe(0);

  // Which stable shops sit below 25, from the central API the console reads (the IT account the demo wrote).
  const creds = JSON.parse(readFileSync(join(dataDir, 'it-account.json'), 'utf8')) as { centralApiUrl: string; username: string; password: string };
  const session = (await (await fetch(`${creds.centralApiUrl}/v1/it/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: creds.username, password: creds.password }) })).json()) as { itToken: string };
  const list = FleetDeviceList.parse(await (await fetch(`${creds.centralApiUrl}/v1/fleet/devices`, { headers: { Authorization: `Bearer ${session.itToken}` } })).json());
  const stableShops = new Set(list.devices.filter((d) => d.channel === 'stable').map((d) => d.locationId));
  const below = [...stableShops].filter((id) => rolloutPosition(id) < 25).length;
  await expect(page.getByTestId('rollout-stable-in-stage')).toHaveText(`${below} van ${stableShops.size} winkels`, { timeout: 30_000 });
  // Three heartbeats later (15 s at the demo's pace) they run it, apart from shops with a silent device.
  const silentShops = new Set(list.devices.filter((d) => d.channel === 'stable' && d.health === 'silent' && rolloutPosition(d.locationId) < 25).map((d) => d.locationId)).size;
  await expect(page.getByTestId('rollout-stable-updated')).toHaveText(String(below - silentShops), { timeout: 60_000 });
  await expect(page.getByTestId('rollout-stable-failed')).toHaveText('0');
  await expect(page.getByTestId('rollout-stable-waiting')).toHaveText(String(silentShops));
  await expectAxeClean(page);
});
