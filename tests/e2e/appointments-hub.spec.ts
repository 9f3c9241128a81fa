import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { tempDir } from '../support/paths';
import { rawDailyStats } from '../support/raw-stats';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { until } from '../support/until';
import { callHost, callInPage, expectNoAxeViolations, setUpDesk } from './counter/desk-support';
import { screenTitle } from './kiosk-helpers';

/**
 * A kiosk and its shop's counter as two processes on loopback: the kiosk books in the counter's
 * agenda over the hub link. Both clocks start at 10:26 on a Tuesday in Amsterdam (libfaketime), so
 * the first free time is 10:30 and a visitor checking in now is due (5 minutes before) at once.
 */
function libfaketime(): string {
  const found = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map((arch) => `/usr/lib/${arch}/faketime/libfaketime.so.1`).find((file) => existsSync(file));
  if (!found) throw new Error('libfaketime is missing: apt-get install faketime');
  return found;
}
const at = (time: string) => ({ LD_PRELOAD: libfaketime(), FAKETIME: `@2026-12-08 ${time}`, DONT_FAKE_MONOTONIC: '1', TZ: 'Europe/Amsterdam' });

const running: SpawnedHost[] = [];
test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
});

function config(body: Record<string, unknown>): string {
  const file = join(tempDir('appointments-config'), 'device.json');
  writeFileSync(file, JSON.stringify({ location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle', ...body }));
  return file;
}

/** Approved by the location manager signed in at the desk page, as the hub panel does it. */
async function approveKiosk(desk: Page, identity: string): Promise<void> {
  let install: string | null = null;
  await until(async () => {
    const kiosks = (await callInPage(desk, 'hub.status', {})).kiosks as Array<{ identity: string; candidate: { install: string } | null }>;
    install = kiosks.find((k) => k.identity === identity)?.candidate?.install ?? null;
    return install !== null;
  }, 15_000, `${identity} waiting at the hub`);
  await callInPage(desk, 'hub.approve', { identity, install });
}

/** Books the first free time of the day at the kiosk screen and returns its code. */
async function bookAtKiosk(kiosk: Page, url: string, firstName: string): Promise<{ code: string; start: string }> {
  await kiosk.goto(url);
  await kiosk.getByRole('button', { name: 'Nederlands' }).click();
  await kiosk.getByTestId('home-appointment').click();
  await kiosk.getByTestId('appointment-topic-eerste-gesprek').click();
  await expect(kiosk.getByTestId('appointment-days').or(kiosk.getByTestId('booking-unreachable'))).toBeVisible({ timeout: 15_000 });
  await expect(kiosk.getByTestId('booking-unreachable'), 'the kiosk reaches the hub\'s agenda').toHaveCount(0);
  await kiosk.getByTestId('appointment-day-2026-12-08').click();
  const time = kiosk.getByTestId('appointment-time').first();
  const start = (await time.getAttribute('data-start')) ?? '';
  await time.click();
  await kiosk.getByLabel('Je voornaam (mag je leeg laten)').fill(firstName);
  await kiosk.getByTestId('appointment-book').click();
  await expect(screenTitle(kiosk)).toHaveText('Je afspraak staat');
  return { code: (await kiosk.getByTestId('appointment-code').textContent()) ?? '', start };
}

test('book at the kiosk, see it in the desk\'s agenda, check in by typing the code, called before an earlier walk-in; a no-show marked by staff', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const locationKey = randomBytes(32).toString('base64url');
  const port = await freePort();
  const hubDir = tempDir('appointments-hub');
  const hubArgs = ['--data-dir', hubDir, '--config', config({ role: 'counter', demo: true, ticketPrefix: 'A', hub: { listenHost: '127.0.0.1', port, locationKey } })];
  let hub = await spawnHost(hubArgs, at('10:26:00'));
  running.push(hub);
  const kiosk = await spawnHost(['--config', config({ role: 'kiosk', demo: true, ticketPrefix: 'B', hub: { url: `https://127.0.0.1:${port}`, locationKey } })], at('10:26:00'));
  running.push(kiosk);

  await page.goto(await hub.fresh());
  await setUpDesk(page);
  await approveKiosk(page, 'zwolle-centrum/B');
  // A walk-in took a number before the visitor with an appointment arrived.
  const walkIn = await callInPage(page, 'ticket.take', { topic: 'voucher' });

  const kioskPage = await browser.newPage();
  const first = await bookAtKiosk(kioskPage, await kiosk.fresh(), 'Sanne');
  expect(new Date(first.start).toISOString()).toBe('2026-12-08T09:30:00.000Z');
  const second = await bookAtKiosk(kioskPage, await kiosk.nextUrl(), 'Jan');
  expect(new Date(second.start).toISOString()).toBe('2026-12-08T10:00:00.000Z');

  // The desk's agenda (the last view, Alt+9 for a location manager) shows both, booked.
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { name: 'Agenda van vandaag', level: 2 })).toBeVisible();
  const row = (code: string) => page.getByTestId('agenda-appointments').locator(`tr[data-code="${code}"]`);
  await expect(row(first.code)).toContainText('10:30–11:00');
  await expect(row(first.code)).toContainText('Sanne');
  await expect(row(first.code)).toHaveAttribute('data-state', 'booked');
  await expect(row(second.code)).toHaveAttribute('data-state', 'booked');
  await expectNoAxeViolations(page, 'the desk agenda');
  await page.screenshot({ path: testInfo.outputPath('desk-agenda.png'), fullPage: true });

  // The visitor checks in at the kiosk by typing the code on the screen's keyboard field.
  await kioskPage.goto(await kiosk.nextUrl());
  await kioskPage.getByRole('button', { name: 'Nederlands' }).click();
  await kioskPage.getByTestId('home-checkin').click();
  await kioskPage.getByLabel('Je code').fill(first.code);
  await kioskPage.getByTestId('checkin-send').click();
  await expect(screenTitle(kioskPage)).toHaveText('Je bent aangemeld, we roepen je op');
  await expect(row(first.code)).toHaveAttribute('data-state', 'checked-in', { timeout: 10_000 });

  // The desk calls the appointment first, then the walk-in who came earlier.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('now-serving')).toHaveText(first.code);
  await page.keyboard.press('Alt+S');
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('now-serving')).toHaveText(String(walkIn.number));

  // Later that morning the second visitor has not come: staff mark the no-show with the keyboard.
  await hub.stop();
  running.splice(running.indexOf(hub), 1);
  hub = await spawnHost(hubArgs, at('11:40:00'));
  running.push(hub);
  await page.goto(await hub.fresh());
  await page.getByLabel('Gebruikersnaam').fill('anna');
  await page.getByLabel('Persoonlijke pincode').fill('482915');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Anna de Vries (locatiemanager)')).toBeVisible();
  await page.keyboard.press('Alt+9');
  await expect(row(second.code)).toHaveAttribute('data-state', 'booked');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowDown');
  await expect(row(second.code)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+X');
  await expect(row(second.code)).toHaveAttribute('data-state', 'no-show');
  await expect(page.getByTestId('agenda-status')).toContainText('niet gekomen');
  await expectNoAxeViolations(page, 'the desk agenda after a no-show');
  await page.screenshot({ path: testInfo.outputPath('desk-agenda-no-show.png'), fullPage: true });
  await expect(row(first.code)).toHaveAttribute('data-state', 'served');
  // Counted in the day's statistics: one kept, one no-show, per topic, without names or codes.
  // Staff see single counts suppressed ("<5", docs/statistics.md); the hub's file holds the counts.
  const stats = await callInPage(page, 'stats.daily', {});
  expect(stats).toMatchObject({ appointmentsNoShow: [{ key: 'merged', count: '<5' }], appointmentsKept: [{ key: 'merged', count: '<5' }] });
  expect(rawDailyStats(hubDir, String(stats.day))).toMatchObject({ appointmentsNoShow: [{ key: 'eerste-gesprek', count: 1 }], appointmentsKept: [{ key: 'eerste-gesprek', count: 1 }] });
  expect(JSON.stringify(stats)).not.toContain(second.code);
  await kioskPage.close();
});

test('hub down: the kiosk says booking cannot be done now, shows the shop\'s phone number, and books nothing', async ({ page }) => {
  const port = await freePort();
  const kiosk = await spawnHost(['--config', config({ role: 'kiosk', demo: true, ticketPrefix: 'B', hub: { url: `https://127.0.0.1:${port}`, locationKey: randomBytes(32).toString('base64url') } })], at('10:26:00'));
  running.push(kiosk);
  await page.goto(await kiosk.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByTestId('home-appointment').click();
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  const notice = page.getByTestId('booking-unreachable');
  await expect(notice).toContainText('Een afspraak maken lukt nu niet', { timeout: 20_000 });
  await expect(notice).toContainText('Er is niets vastgelegd');
  await expect(notice.getByTestId('shop-phone')).toHaveText('038 200 20 20');
  await expect(notice).toContainText('Open');
  await expect(page.getByTestId('appointment-days')).toHaveCount(0);
  await expectNoAxeViolations(page, 'booking unreachable');
  // Straight at the contract, as a screen that skipped the slots would: unreachable, nothing booked.
  const booked = await callHost(kiosk, 'appointments.book', { topic: 'eerste-gesprek', start: '2026-12-08T09:30:00.000Z', language: 'nl', idempotencyKey: crypto.randomUUID() });
  expect(booked).toMatchObject({ outcome: 'unreachable', contact: { phone: '038 200 20 20' } });
});

test('the desk agenda: rebook and cancel by keyboard, the advisers per day part, a session\'s attendees listed and printed, a cancelled session marked', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const counter = await spawnHost(['--config', config({ role: 'counter', demo: true, location: { id: 'utrecht-centrum', name: 'Loopbaanwinkel Utrecht Centrum' }, region: 'midden-utrecht' })], at('10:26:00'));
  running.push(counter);
  await page.goto(await counter.fresh());
  await setUpDesk(page);
  const slots = (await callInPage(page, 'appointments.slots', { topic: 'eerste-gesprek', days: 1 })) as { slots: Array<{ start: string }> };
  const booked = (await callInPage(page, 'appointments.bookAtDesk', { topic: 'eerste-gesprek', start: slots.slots[0]?.start, firstName: 'Ravi', language: 'nl', idempotencyKey: crypto.randomUUID() })) as { appointment: { code: string } };
  const code = booked.appointment.code;

  await page.keyboard.press('Alt+9');
  const rows = page.getByTestId('agenda-appointments').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  // Alt+R offers other times; the first one moves the appointment, under a new code.
  await page.keyboard.press('Alt+R');
  const rebook = page.getByTestId('agenda-rebook');
  await expect(rebook.getByRole('button').first()).toBeVisible();
  await expectNoAxeViolations(page, 'rebooking at the desk');
  await page.screenshot({ path: testInfo.outputPath('desk-agenda-rebook.png'), fullPage: true });
  await rebook.getByRole('button').first().click();
  await expect(page.getByTestId('agenda-status')).toContainText('Verzet: nieuwe code');
  await expect(page.locator(`tr[data-code="${code}"]`)).toHaveAttribute('data-state', 'cancelled');
  const moved = page.getByTestId('agenda-appointments').locator('tr[data-state="booked"]');
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText('Ravi');
  await moved.click();
  await page.keyboard.press('Alt+C');
  await expect(page.getByTestId('agenda-appointments').locator('tr[data-state="booked"]')).toHaveCount(0);

  // The location manager sets two advisers for Tuesday mornings.
  const tuesdayMorning = page.getByLabel('Adviseurs op dinsdag, ochtend');
  await tuesdayMorning.fill('2');
  await tuesdayMorning.blur();
  await expect(page.getByTestId('agenda-status')).toHaveText('Het aantal adviseurs is opgeslagen.');
  expect((await callInPage(page, 'appointments.capacity', {})).weekly).toContainEqual({ weekday: 'tuesday', dayPart: 'morning', advisers: 2 });

  // A session on another day: its sign-ups, the attendee list on screen and on paper.
  await callInPage(page, 'sessions.signUp', { sessionId: 'utrecht-voucher-avond-2026-12', firstName: 'Fatima', language: 'nl', idempotencyKey: crypto.randomUUID() });
  await page.getByLabel('Dag', { exact: true }).fill('2026-12-15');
  const session = page.locator('tr[data-session="utrecht-voucher-avond-2026-12"]');
  await expect(session).toContainText('1 van 30');
  await session.getByRole('button', { name: 'Deelnemers', exact: true }).click();
  await expect(page.getByTestId('agenda-attendees')).toContainText('Fatima');
  await session.getByRole('button', { name: 'Deelnemerslijst printen' }).click();
  await expect(page.getByTestId('agenda-status')).toContainText('wordt geprint');
  await expectNoAxeViolations(page, 'a session day at the desk');
  await page.screenshot({ path: testInfo.outputPath('desk-agenda-session.png'), fullPage: true });

  await page.getByLabel('Dag', { exact: true }).fill('2027-02-04');
  await expect(page.locator('tr[data-session="utrecht-cv-workshop-2027-02"]')).toContainText('gaat niet door');
});
