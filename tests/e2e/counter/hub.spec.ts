import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { freePort } from '../../support/free-port';
import { tempDir } from '../../support/paths';
import { realElapsedMs } from '../../support/real-elapsed';
import { until } from '../../support/until';
import { spawnHost, type SpawnedHost } from '../../support/spawn-host';
import { startSim } from '../../support/sync-rig';
import { voucherInput } from '../../support/voucher-input';
import { callHost, callInPage, expectNoAxeViolations, hostClient, setUpDesk } from './desk-support';

const running: SpawnedHost[] = [];
let sim: RunningSim | undefined;

test.afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
  await sim?.close();
  sim = undefined;
});

test.use({ viewport: { width: 1440, height: 900 } });

function config(dir: string, body: Record<string, unknown>): string {
  const file = join(dir, 'device.json');
  writeFileSync(file, JSON.stringify({ location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle', ...body }));
  return file;
}

async function approveKiosk(hub: SpawnedHost, identity: string): Promise<void> {
  let install: string | null = null;
  await until(async () => {
    const kiosks = (await callHost(hub, 'hub.status', {})).kiosks as Array<{ identity: string; candidate: { install: string } | null }>;
    install = kiosks.find((k) => k.identity === identity)?.candidate?.install ?? null;
    return install !== null;
  }, 15_000, `${identity} waiting at the hub`);
  await callHost(hub, 'hub.approve', { identity, install });
}

test('kiosk and hub on loopback: tickets and requests reach the hub at once, survive a hub outage, and reach the central API once', async () => {
  test.setTimeout(120_000);
  sim = await startSim();
  const locationKey = randomBytes(32).toString('base64url');
  const port = await freePort();
  const hubDir = tempDir('hub');
  const kioskDir = tempDir('kiosk');
  writeFileSync(join(hubDir, 'enrollment-code'), sim.issueEnrollmentCode());
  const hubArgs = ['--data-dir', hubDir, '--config', config(tempDir('hub-config'), { role: 'counter', ticketPrefix: 'A', centralApiUrl: sim.url, hub: { listenHost: '127.0.0.1', port, locationKey } })];
  const kioskArgs = ['--data-dir', kioskDir, '--config', config(tempDir('kiosk-config'), { role: 'kiosk', ticketPrefix: 'B', demo: true, hub: { url: `https://127.0.0.1:${port}`, locationKey } })];

  let hub = await spawnHost(hubArgs);
  running.push(hub);
  const kiosk = await spawnHost(kioskArgs);
  running.push(kiosk);
  await callHost(hub, 'staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  // The kiosk's first heartbeat (2 s after its start) puts it on the hub's list as waiting; the location manager enrolls it.
  await approveKiosk(hub, 'zwolle-centrum/B');
  const queueAtHub = async () => ((await callHost(hub, 'queue.list', {})) as unknown as Array<{ number: string }>).map((x) => x.number);

  // The hub takes a ticket of its own; the kiosk's appear next to it within a second.
  await callHost(hub, 'ticket.take', { topic: 'voucher' });
  let found: { contact: { name: string } } | null = null;
  const delivery = await realElapsedMs(async () => {
    const ticket = await callHost(kiosk, 'ticket.take', { topic: 'work' });
    const { reference } = (await callHost(kiosk, 'voucher.start', voucherInput(11))) as { reference: string };
    await until(async () => (await queueAtHub()).includes(String(ticket.number)), 1000, 'kiosk ticket at the hub');
    await until(async () => {
      const res = await (await hostClient(hub)).post('/api/request.find', { reference });
      if (res.ok) found = ((await res.json()) as { result: { contact: { name: string } } }).result;
      return found !== null;
    }, 1000, 'kiosk request at the hub');
    return reference;
  });
  const reference = delivery.result;
  expect(delivery.ms).toBeLessThan(2000);
  expect(found).toMatchObject({ contact: { name: 'Testbezoeker Nummer11' } });
  expect(await callHost(hub, 'hub.status', {})).toMatchObject({ mode: 'hub', listening: true, kiosks: [{ identity: 'zwolle-centrum/B', appVersion: '0.1.0', messages: 2 }] });

  // The hub goes away: the kiosk keeps issuing tickets, numbered in its own series.
  await hub.stop();
  running.splice(running.indexOf(hub), 1);
  const offline: string[] = [];
  for (let i = 0; i < 3; i++) offline.push(String((await callHost(kiosk, 'ticket.take', { topic: 'voucher' })).number));
  expect(offline).toEqual(['B002', 'B003', 'B004']);
  const status = await callHost(kiosk, 'sync.status', {});
  expect(Number(status.queued) + Number(status.inFlight)).toBeGreaterThanOrEqual(3);

  hub = await spawnHost(hubArgs);
  running.push(hub);
  await callHost(hub, 'staff.signIn', { username: 'anna', pin: '482915' });
  await until(async () => {
    const list = await queueAtHub();
    return offline.every((n) => list.includes(n));
  }, 60_000, 'all kiosk tickets at the restarted hub');
  const numbers = await queueAtHub();
  expect(numbers).toEqual(['A001', 'B001', 'B002', 'B003', 'B004']);
  expect(new Set(numbers).size).toBe(numbers.length);

  // Completed at the hub, the request reaches the central API exactly once, with the kiosk's key.
  await callHost(hub, 'request.complete', { reference, identityDocument: 'identity-card', bsn: '111222333' });
  await until(() => sim?.store.received().some((r) => r.kind === 'voucher-request-completion' && r.reference === reference) === true, 30_000, 'completion at the central API');
  await until(async () => Number((await callHost(hub, 'sync.status', {})).queued) === 0, 30_000, 'hub outbox drained');
  const atCentral = sim.store.received().filter((r) => r.reference === reference).map((r) => r.kind);
  expect(atCentral).toEqual(['voucher-request', 'voucher-request-completion']);
  expect(sim.store.received().filter((r) => r.kind === 'queue-ticket')).toHaveLength(5);
});

test('a device without the location key cannot talk to the hub, and the kiosk tells the staff member a visitor calls', async ({ page }) => {
  const port = await freePort();
  const hub = await spawnHost(['--config', config(tempDir('hub-config'), { role: 'counter', hub: { listenHost: '127.0.0.1', port, locationKey: randomBytes(32).toString('base64url') } })]);
  running.push(hub);
  const kiosk = await spawnHost(['--config', config(tempDir('kiosk-config'), { role: 'kiosk', ticketPrefix: 'C', hub: { url: `https://127.0.0.1:${port}`, locationKey: randomBytes(32).toString('base64url') } })]);
  running.push(kiosk);
  await callHost(hub, 'staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  await callHost(kiosk, 'ticket.take', { topic: 'voucher' });
  // The kiosk tried (its handshake failed on the key) and says so in its status.
  await until(async () => ((await callHost(kiosk, 'sync.status', {})).hubLink as { state: string } | null)?.state === 'wrong-key', 15_000, 'the kiosk naming the wrong key');
  expect(await callHost(hub, 'queue.list', {})).toEqual([]);
  expect(await callHost(hub, 'hub.status', {})).toMatchObject({ kiosks: [] });
  const status = await callHost(kiosk, 'sync.status', {});
  expect(Number(status.queued) + Number(status.inFlight)).toBe(1);

  // Quietly: no notice on the visitor's screen, one line in the dialog that calls a staff member.
  await page.goto(await kiosk.fresh());
  await page.getByRole('button', { name: 'Vraag een medewerker' }).first().click();
  const dialog = page.getByTestId('staff-dialog');
  await expect(dialog.getByTestId('kiosk-hub-link')).toContainText('Voor medewerkers: deze kiosk kan zijn nummers en aanvragen nu niet aan de balie doorgeven');
  await expect(dialog.getByTestId('kiosk-hub-link')).toContainText('wrong-key');
  await expectNoAxeViolations(page, 'kiosk staff dialog with the hub link problem');
});

test('the desk enrolls a new kiosk in the hub panel, then sees its printer and its tickets', async ({ page }) => {
  test.setTimeout(90_000);
  const locationKey = randomBytes(32).toString('base64url');
  const port = await freePort();
  const hub = await spawnHost(['--config', config(tempDir('hub-config'), { role: 'counter', ticketPrefix: 'A', hub: { listenHost: '127.0.0.1', port, locationKey } })]);
  running.push(hub);
  await page.goto(await hub.fresh());
  await setUpDesk(page);
  await callInPage(page, 'ticket.take', { topic: 'voucher' });

  // A new kiosk with a printer address where nothing answers; its visitor gets a number before anyone approved it.
  const kiosk = await spawnHost(['--config', config(tempDir('kiosk-config'), { role: 'kiosk', ticketPrefix: 'B', printer: { type: 'tcp', host: '127.0.0.1', port: await freePort(), connectTimeoutMs: 300 }, hub: { url: `https://127.0.0.1:${port}`, locationKey } })]);
  running.push(kiosk);
  expect((await callHost(kiosk, 'ticket.take', { topic: 'work' })).number).toBe('B001');

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Verzendstatus', level: 2 })).toBeVisible();
  const row = page.getByTestId('hub-kiosks').getByRole('row', { name: /Kiosk B/ });
  // The kiosk reports 2 s after it starts (and every 30 s); the view polls every 5 s.
  await expect(row.getByTestId('hub-candidate')).toContainText('Een nieuwe kiosk B wacht', { timeout: 20_000 });
  await expectNoAxeViolations(page, 'sync status with a kiosk waiting for approval');
  await row.getByRole('button', { name: 'Kiosk B goedkeuren' }).click();
  await expect(row.getByTestId('hub-candidate')).toHaveCount(0);
  // Asked as the manager signed in at this page: the queue is the signed-in desk's.
  await until(async () => ((await callInPage(page, 'queue.list', {})) as unknown as Array<{ number: string }>).some((t) => t.number === 'B001'), 45_000, 'the kiosk\'s ticket at the hub');
  await expect(row).toContainText('Probleem: de printer reageert niet', { timeout: 45_000 });
  await expect(row).toContainText('0.1.0');
  await expect(row).not.toContainText('Geen contact');
  await expectNoAxeViolations(page, 'sync status with kiosks');
});
