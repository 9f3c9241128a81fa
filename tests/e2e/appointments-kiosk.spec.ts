import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { checkScreen, layoutProblems, screenTitle, tapKeys } from './kiosk-helpers';

/**
 * The kiosk's appointment, session and check-in screens in demo mode: the demo kiosk books in its
 * own embedded agenda, so one process shows the whole walk. The host's clock starts on a known
 * Tuesday morning in Amsterdam (libfaketime), so the pack's sessions are upcoming at any date the
 * suite runs.
 */
function libfaketime(): string {
  const found = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map((arch) => `/usr/lib/${arch}/faketime/libfaketime.so.1`).find((file) => existsSync(file));
  if (!found) throw new Error('libfaketime is missing: apt-get install faketime');
  return found;
}

const hostMorning = { LD_PRELOAD: libfaketime(), FAKETIME: '@2026-12-08 10:00:00', DONT_FAKE_MONOTONIC: '1', TZ: 'Europe/Amsterdam' };

let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('appointments-kiosk')], hostMorning);
});
test.afterAll(async () => {
  await host?.stop();
});

async function start(page: Page, language: 'Nederlands' | 'English' | 'العربية'): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: language }).click();
  await expect(page.getByTestId('home-appointment')).toBeVisible();
}

/** Home -> topic -> the first free day -> its first free time: the contact step. */
async function toContact(page: Page): Promise<string> {
  await page.getByTestId('home-appointment').click();
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  await page.getByTestId('appointment-days').getByRole('button').first().click();
  const time = page.getByTestId('appointment-time').first();
  const start = (await time.getAttribute('data-start')) ?? '';
  await time.click();
  await expect(page.locator('[data-screen="appointment-contact"]')).toBeVisible();
  return start;
}

test('Dutch: book a first conversation, see the code, its QR and the slip, then check in by typing the code and read that it is your turn when the demo desk calls', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await start(page, 'Nederlands');
  await checkScreen(page, testInfo, 'appointments-home');
  await page.getByTestId('home-appointment').click();
  await expect(screenTitle(page)).toHaveText('Waarover wil je praten?');
  await expect(screenTitle(page)).toBeFocused();
  await checkScreen(page, testInfo, 'appointment-topic');
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  await expect(screenTitle(page)).toHaveText('Welke dag past je?');
  await expect(screenTitle(page)).toBeFocused();
  // Written-out days, the next free one first; never a calendar grid.
  const days = page.getByTestId('appointment-days').getByRole('button');
  await expect(days.first()).toContainText(/^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+/);
  await expect(days.first()).toContainText(/tijden? vrij/);
  expect(await layoutProblems(page)).toEqual([]);
  await checkScreen(page, testInfo, 'appointment-day');
  await days.first().click();
  await expect(screenTitle(page)).toContainText('Welke tijd past je op');
  await expect(page.getByTestId('appointment-time').first()).toHaveText(/^\d{2}\.\d{2} uur$/);
  await checkScreen(page, testInfo, 'appointment-time');

  // Back on every step: back to the days, and forward again.
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Welke dag past je?');
  await days.first().click();
  const time = page.getByTestId('appointment-time').first();
  const slotStart = (await time.getAttribute('data-start')) ?? '';
  await time.click();
  await expect(screenTitle(page)).toHaveText('Klopt dit?');
  await expect(page.getByTestId('appointment-summary')).toContainText('uur');

  // The least contact data: a first name or nothing, and no phone number (no reminder is sent).
  await page.getByLabel('Je voornaam (mag je leeg laten)').click();
  await tapKeys(page, 'Sanne');
  await expect(page.getByRole('textbox')).toHaveCount(1);
  await checkScreen(page, testInfo, 'appointment-contact');
  await page.getByTestId('appointment-book').click();

  await expect(screenTitle(page)).toHaveText('Je afspraak staat');
  const code = (await page.getByTestId('appointment-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(page.getByTestId('reference-qr')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');
  const when = new Intl.DateTimeFormat('nl', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(slotStart));
  await expect(page.getByTestId('appointment-when')).toContainText(when);
  await expect(page.getByText('Neem een identiteitsbewijs mee.')).toBeVisible();
  await checkScreen(page, testInfo, 'appointment-done');
  // "Back" after a booking does not reopen the form.
  await page.locator('[data-tool="back"]').click();
  await expect(page.getByTestId('home-appointment')).toBeVisible();

  // Check-in as a scanner does it: keys typed with no field focused, then Enter.
  await page.getByTestId('home-checkin').click();
  await expect(screenTitle(page)).toHaveText('Meld je aan');
  await checkScreen(page, testInfo, 'checkin-code');
  await page.keyboard.type('XXXX');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Deze code is niet compleet')).toBeVisible();
  await page.getByLabel('Je code').fill('');
  await screenTitle(page).focus();
  await page.keyboard.type(code.toLowerCase().replace('-', ' '));
  await page.keyboard.press('Enter');
  await expect(screenTitle(page)).toHaveText('Je bent aangemeld, we roepen je op');
  await checkScreen(page, testInfo, 'checkin-done');
  // The demo's simulated desk calls once a minute by the queue's rule; nobody else waits, so this visitor is next.
  test.setTimeout(150_000);
  await expect(page.getByTestId('checkin-your-turn')).toHaveText('Je bent aan de beurt. Loop nu naar de balie.', { timeout: 75_000 });
  await checkScreen(page, testInfo, 'checkin-your-turn');
});

test('Dutch: upcoming sessions with free seats, a cancelled one says so, sign up with a seat slip', async ({ page }, testInfo) => {
  await start(page, 'Nederlands');
  await page.getByTestId('home-sessions').click();
  await expect(screenTitle(page)).toHaveText('Bijeenkomsten');
  const evening = page.getByTestId('session-utrecht-voucher-avond-2026-12');
  await expect(evening).toContainText('dinsdag 15 december, 19.30 uur - nog 30 plaatsen');
  const cancelled = page.getByTestId('session-utrecht-cv-workshop-2027-02');
  await expect(cancelled).toHaveAttribute('data-state', 'cancelled');
  await expect(cancelled.getByTestId('session-state')).toHaveText('⚠ Gaat niet door');
  await expect(cancelled.getByRole('button')).toHaveCount(0);
  await checkScreen(page, testInfo, 'sessions-list');
  await page.getByTestId('session-signup-utrecht-voucher-avond-2026-12').click();
  await expect(screenTitle(page)).toHaveText('Aanmelden voor de bijeenkomst');
  await checkScreen(page, testInfo, 'sessions-contact');
  await page.getByTestId('session-confirm').click();
  await expect(screenTitle(page)).toHaveText('Je bent aangemeld');
  await expect(page.getByTestId('appointment-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(page.getByTestId('seat-when')).toHaveText('dinsdag 15 december, 19.30 uur');
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');
  await checkScreen(page, testInfo, 'sessions-done');
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-sessions').click();
  await expect(evening).toContainText('nog 29 plaatsen');
});

test('Arabic: every new screen right to left and axe clean', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await start(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('home-appointment').click();
  await expect(screenTitle(page)).toHaveText('عمّ تريد أن تتحدث؟');
  await checkScreen(page, testInfo, 'ar-appointment-topic');
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  await expect(page.getByTestId('appointment-days')).toBeVisible();
  await checkScreen(page, testInfo, 'ar-appointment-day');
  await page.getByTestId('appointment-days').getByRole('button').first().click();
  await expect(page.getByTestId('appointment-time').first()).toBeVisible();
  await checkScreen(page, testInfo, 'ar-appointment-time');
  await page.getByTestId('appointment-time').first().click();
  await checkScreen(page, testInfo, 'ar-appointment-contact');
  await page.getByTestId('appointment-book').click();
  await expect(screenTitle(page)).toHaveText('تم حجز موعدك');
  await checkScreen(page, testInfo, 'ar-appointment-done');
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-sessions').click();
  await expect(page.getByTestId('session-utrecht-voucher-avond-2026-12')).toBeVisible();
  await checkScreen(page, testInfo, 'ar-sessions-list');
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-checkin').click();
  await checkScreen(page, testInfo, 'ar-checkin-code');
});

test('idle wipe: a half-done booking with a typed first name leaves no trace', async ({ page }) => {
  await page.clock.install();
  await start(page, 'Nederlands');
  await toContact(page);
  await page.getByLabel('Je voornaam (mag je leeg laten)').click();
  await tapKeys(page, 'Sanne');
  await expect(page.getByLabel('Je voornaam (mag je leeg laten)')).toHaveValue('Sanne');
  await page.clock.fastForward(91_000);
  await expect(page.getByTestId('idle-dialog')).toBeVisible();
  await page.clock.fastForward(31_000);
  await expect(page.getByRole('button', { name: 'Nederlands' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('Sanne');
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('input')).map((i) => i.value))).not.toContain('Sanne');
  // The next visitor starts from home, not from the half-done booking.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(screenTitle(page)).toHaveText('Waarmee kunnen we je helpen?');
});

test('"talk to someone" offers an appointment: quietly while the shop is open, first thing when it is closed', async ({ page }) => {
  // The core decides on its own clock, not the screen's: this host's Tuesday morning, then a host on a Sunday.
  await start(page, 'Nederlands');
  await page.getByTestId('home-talk').click();
  await expect(page.getByTestId('appointment-offer')).toHaveAttribute('data-urgent', 'false');
  await expect(page.getByTestId('appointment-offer')).not.toContainText('De winkel is nu dicht');
  const sunday = await spawnHost(['--data-dir', tempDir('appointments-sunday')], { ...hostMorning, FAKETIME: '@2026-12-13 12:00:00' });
  try {
    await page.goto(await sunday.fresh());
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByTestId('home-talk').click();
    await expect(page.getByTestId('appointment-offer')).toHaveAttribute('data-urgent', 'true');
    await expect(page.getByTestId('appointment-offer')).toContainText('De winkel is nu dicht');
    // Above the topics that would give a number, so the visitor reads it before taking one.
    const offerTop = (await page.getByTestId('appointment-offer').boundingBox())?.y ?? Infinity;
    const firstTopic = (await page.getByTestId('ticket-topic-voucher').boundingBox())?.y ?? -Infinity;
    expect(offerTop).toBeLessThan(firstTopic);
    await page.getByTestId('offer-appointment').click();
    await expect(screenTitle(page)).toHaveText('Waarover wil je praten?');
  } finally {
    await sunday.stop();
  }
});

test('the largest text size: the new screens reflow, no control under 56 px, clipped or too close', async ({ page }) => {
  await start(page, 'Nederlands');
  const textSize = page.locator('[data-tool="text-size"]');
  await textSize.click();
  await textSize.click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
  expect(await layoutProblems(page), 'home').toEqual([]);
  await page.getByTestId('home-appointment').click();
  expect(await layoutProblems(page), 'topic').toEqual([]);
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  await expect(page.getByTestId('appointment-days')).toBeVisible();
  expect(await layoutProblems(page), 'day').toEqual([]);
  await page.getByTestId('appointment-days').getByRole('button').first().click();
  await expect(page.getByTestId('appointment-time').first()).toBeVisible();
  expect(await layoutProblems(page), 'time').toEqual([]);
  await page.getByTestId('appointment-time').first().click();
  await expect(page.getByTestId('appointment-book')).toBeVisible();
  expect(await layoutProblems(page), 'contact').toEqual([]);
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-sessions').click();
  await expect(page.getByTestId('session-utrecht-voucher-avond-2026-12')).toBeVisible();
  expect(await layoutProblems(page), 'sessions').toEqual([]);
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-checkin').click();
  expect(await layoutProblems(page), 'check-in').toEqual([]);
});

test('two visitors on the last place: one books, the other reads calmly that it was just taken and picks the next free time', async ({ page, browser }, testInfo) => {
  const other = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await start(page, 'Nederlands');
  const mine = await toContact(page);
  await start(other, 'Nederlands');
  expect(await toContact(other)).toBe(mine);
  await other.getByTestId('appointment-book').click();
  await expect(screenTitle(other)).toHaveText('Je afspraak staat');

  await page.getByTestId('appointment-book').click();
  const taken = page.getByTestId('appointment-taken');
  await expect(taken).toContainText('Deze tijd is net door iemand anders gekozen');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const next = taken.getByTestId('appointment-time').first();
  expect(await next.getAttribute('data-start')).not.toBe(mine);
  await checkScreen(page, testInfo, 'appointment-just-taken');
  const nextStart = (await next.getAttribute('data-start')) ?? '';
  await next.click();
  await page.getByTestId('appointment-book').click();
  await expect(screenTitle(page)).toHaveText('Je afspraak staat');
  const when = new Intl.DateTimeFormat('nl', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(nextStart)).replace(':', '.');
  await expect(page.getByTestId('appointment-when')).toContainText(`${when} uur`);
  await other.close();
});

test('the slip says "cancel at the kiosk with your code": the kiosk cancels it, and the code no longer checks in', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await start(page, 'Nederlands');
  const slotStart = await toContact(page);
  await page.getByTestId('appointment-book').click();
  await expect(screenTitle(page)).toHaveText('Je afspraak staat');
  const code = (await page.getByTestId('appointment-code').textContent()) ?? '';
  await page.locator('[data-tool="back"]').click();

  await page.getByTestId('home-checkin').click();
  await page.getByTestId('checkin-to-cancel').click();
  await expect(screenTitle(page)).toHaveText('Afspraak afzeggen');
  await expect(screenTitle(page)).toBeFocused();
  await checkScreen(page, testInfo, 'cancel-code');
  // As a scanner sends it: keys with no field focused, then Enter.
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(screenTitle(page)).toHaveText('Je afspraak is afgezegd');
  const when = new Intl.DateTimeFormat('nl', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(slotStart));
  await expect(page.getByTestId('cancelled-when')).toContainText(when);
  await checkScreen(page, testInfo, 'cancel-done');

  // The cancelled code is gone: checking in with it is refused calmly.
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-checkin').click();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByText('We vinden deze code niet')).toBeVisible();
});
