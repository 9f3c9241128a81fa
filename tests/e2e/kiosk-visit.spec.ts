import { existsSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { axeViolations, box, checkDialog, checkScreen, layoutProblems, screenTitle, tapKeys } from './kiosk-helpers';

/**
 * The host decides a visitor's age by its own clock, in another process: Debian's libfaketime starts
 * that clock on a known Amsterdam morning, so the birth dates below are exact at any hour the suite
 * runs. Timers and the monotonic clock stay real.
 */
/** Debian's libfaketime for this machine's architecture (package faketime, installed by .ci/run). */
function libfaketime(): string {
  const found = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].map((arch) => `/usr/lib/${arch}/faketime/libfaketime.so.1`).find((file) => existsSync(file));
  if (!found) throw new Error('libfaketime is missing: apt-get install faketime');
  return found;
}

const today = { year: 2026, month: 11, day: 24 };
const hostToday = {
  LD_PRELOAD: libfaketime(),
  FAKETIME: `@${today.year}-${today.month}-${today.day} 10:00:00`,
  DONT_FAKE_MONOTONIC: '1',
  TZ: 'Europe/Amsterdam',
};

// One host for the whole file: every test starts from a fresh page, which is a fresh visit.
let host: SpawnedHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = tempDir('kiosk-e2e');
  host = await spawnHost(['--data-dir', dataDir], hostToday);
});

/** Reads the host's own SQLite file: what the core really stored, not what the screen said. */
function stored(reference: string): { request: unknown; outbox: unknown } {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return {
      request: db.prepare('SELECT trajectory, provider_id, status, consent_purpose, eligibility FROM voucher_requests WHERE reference = ?').get(reference),
      outbox: db.prepare('SELECT kind FROM outbox WHERE reference = ?').get(reference),
    };
  } finally {
    db.close();
  }
}
test.afterAll(async () => {
  await host?.stop();
});

async function start(page: Page, language: 'Nederlands' | 'English' | 'العربية'): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: language }).click();
  await expect(page.getByTestId('home-voucher')).toBeVisible();
}

type Lang = 'nl' | 'en' | 'tr' | 'pl' | 'uk';
const words = {
  nl: { yes: 'Ja', no: 'Nee', day: 'Dag', month: 'Maand', year: 'Jaar', next: 'Volgende' },
  en: { yes: 'Yes', no: 'No', day: 'Day', month: 'Month', year: 'Year', next: 'Next' },
  tr: { yes: 'Evet', no: 'Hayır', day: 'Gün', month: 'Ay', year: 'Yıl', next: 'İleri' },
  pl: { yes: 'Tak', no: 'Nie', day: 'Dzień', month: 'Miesiąc', year: 'Rok', next: 'Dalej' },
  uk: { yes: 'Так', no: 'Ні', day: 'День', month: 'Місяць', year: 'Рік', next: 'Далі' },
} as const;

/** A birth date `years` old on the host's today, minus `daysShort` days (so "17 years and 11 months" is reachable). */
function birthDate(years: number, daysShort = 0): { day: string; month: string; year: string } {
  const d = new Date(Date.UTC(today.year - years, today.month - 1, today.day + daysShort));
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

/** Answers the eligibility questions the engine asks, tapping the on-screen keyboard for the date. */
async function answerEligibility(page: Page, lang: Lang, born: { day: string; month: string; year: string }, answers: ReadonlyArray<readonly [string, boolean]>, onScreen?: (name: string) => Promise<void>): Promise<void> {
  const w = words[lang];
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
  for (const [label, value] of [[w.day, born.day], [w.month, born.month], [w.year, born.year]] as const) {
    await page.getByLabel(label, { exact: true }).click();
    await tapKeys(page, value);
  }
  await onScreen?.('birth-date');
  await page.getByRole('button', { name: w.next }).click();
  for (const [question, value] of answers) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    if (question === 'livesInNetherlands') await onScreen?.('yes-no');
    await page.getByRole('button', { name: value ? w.yes : w.no, exact: true }).click();
  }
  await expect(page.locator('[data-screen="eligibility-result"]')).toBeVisible();
}

const eligibleAnswers = [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', false]] as const;

/** From home to the contact step of a voucher request, through an eligible check. */
async function toContactStep(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('home-voucher').click();
  await answerEligibility(page, lang, birthDate(40), eligibleAnswers);
  await page.getByTestId('result-request').click();
  await page.getByTestId('trajectory-ontwikkeladvies').click();
  await page.getByTestId('provider-later').click();
  await expect(page.locator('[data-screen="voucher-contact"]')).toBeVisible();
}

test('a Dutch visitor requests a voucher to the confirmation, stored with its outbox row; every screen and dialog passes axe in both contrast modes', async ({ page }, testInfo) => {
  await page.goto(await host.fresh());
  await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
  await expect(page.getByText('Je bent in Loopbaanwinkel Utrecht Centrum.')).toBeVisible();
  // The address comes from the content pack's description of this location.
  await expect(page.getByTestId('welcome-address')).toHaveText(/^.+, \d{4} [A-Z]{2} Utrecht$/);
  const historyAtStart = await page.evaluate(() => history.length);
  await checkScreen(page, testInfo, 'kiosk-welcome');

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(screenTitle(page)).toHaveText('Waarmee kunnen we je helpen?');
  await expect(screenTitle(page)).toBeFocused();
  await checkScreen(page, testInfo, 'kiosk-home');

  for (const tool of ['language', 'stop', 'staff'] as const) {
    await checkDialog(page, testInfo, `kiosk-dialog-${tool}`, () => page.locator(`[data-tool="${tool}"]`).click());
  }

  // "Request a voucher" starts with the check: a request carries its outcome.
  await page.getByTestId('home-voucher').click();
  await expect(screenTitle(page)).toHaveText('Kun je een voucher krijgen?');
  await checkScreen(page, testInfo, 'kiosk-eligibility-start');
  await answerEligibility(page, 'nl', birthDate(40), eligibleAnswers, (name) => checkScreen(page, testInfo, `kiosk-eligibility-${name}`));
  await expect(screenTitle(page)).toHaveText('Je kunt waarschijnlijk een voucher krijgen');
  await expect(page.locator('.reasons')).toContainText('✓');
  await checkScreen(page, testInfo, 'kiosk-eligibility-result-eligible');
  await page.getByTestId('result-request').click();
  await expect(screenTitle(page)).toHaveText('Welke hulp wil je?');
  await expect(page.getByText('Stap 1 van 5')).toBeVisible();
  await checkScreen(page, testInfo, 'kiosk-voucher-trajectory');
  await page.getByTestId('trajectory-loopbaan-apk').click();

  // Optional: a provider of the visitor's own choice, from this region, offering this trajectory.
  await expect(screenTitle(page)).toHaveText('Weet je al bij wie je wilt?');
  const firstProvider = page.locator('[data-testid^="choose-provider-"]').first();
  await expect(firstProvider).toBeVisible();
  await checkScreen(page, testInfo, 'kiosk-voucher-provider');
  const providerId = ((await firstProvider.getAttribute('data-testid')) ?? '').replace('choose-provider-', '');
  const providerName = (await firstProvider.locator('.tile__title').textContent()) ?? '';
  await firstProvider.click();

  await expect(screenTitle(page)).toHaveText('Hoe kunnen we je bereiken?');
  // Next without a name: the error says what to do, in words (not colour alone).
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByText('Vul je naam in.')).toBeVisible();
  await expect(page.getByText('Vul je e-mailadres of je telefoonnummer in.')).toBeVisible();
  await page.getByLabel('Je naam').click();
  await tapKeys(page, 'Sam de Vries');
  await page.getByLabel('Je e-mailadres').click();
  await tapKeys(page, 'sam@voorbeeld.nl');
  await expect(page.getByLabel('Je naam')).toHaveValue('Sam de Vries');
  await expect(page.getByLabel('Je e-mailadres')).toHaveValue('sam@voorbeeld.nl');
  await checkScreen(page, testInfo, 'kiosk-voucher-contact');
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(screenTitle(page)).toHaveText('Mogen we je gegevens gebruiken?');
  await checkScreen(page, testInfo, 'kiosk-voucher-consent');
  await page.getByTestId('consent-yes').click();

  await expect(screenTitle(page)).toHaveText('Klopt alles?');
  await expect(page.locator('.summary')).toContainText('Loopbaan-APK');
  await expect(page.locator('.summary')).toContainText('Sam de Vries');
  await expect(page.locator('.summary')).toContainText(providerName);
  await checkScreen(page, testInfo, 'kiosk-voucher-check');

  // Back goes one step at a time, with the answers kept.
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Mogen we je gegevens gebruiken?');
  await page.getByTestId('consent-yes').click();
  await page.getByTestId('voucher-send').click();

  await expect(screenTitle(page)).toHaveText('Je aanvraag is gestart');
  const reference = (await page.getByTestId('voucher-reference').textContent()) ?? '';
  expect(reference).toMatch(/^[A-Z3-9]{4}-[A-Z3-9]{4}$/);
  await expect(page.getByTestId('reference-qr')).toBeVisible();
  // The demo's virtual printer takes the receipt: the screen follows the job through print.job.
  await expect(page.getByTestId('print-status')).toHaveText('Je bon is geprint. Neem hem mee.');
  await expect(page.getByTestId('reference-qr')).toHaveAttribute('src', /^data:image\/svg\+xml/);
  // The confirmation shows the code, never the personal details typed before.
  expect(await page.locator('main').innerText()).not.toContain('Sam de Vries');
  await checkScreen(page, testInfo, 'kiosk-voucher-done');
  expect(stored(reference)).toEqual({
    request: { trajectory: 'loopbaan-apk', provider_id: providerId, status: 'started', consent_purpose: 'voucher-request', eligibility: expect.stringContaining('"outcome":"eligible"') },
    outbox: { kind: expect.any(String) },
  });

  // Back from the confirmation leads home, never into the sent form.
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Waarmee kunnen we je helpen?');
  // The walk never touched the browser's history: its back button holds nothing of the visit.
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  expect(page.url()).toBe(`${host.origin}/`);
});

for (const [language, texts] of [
  ['Nederlands', { home: 'Praten met iemand', title: 'Waar wil je over praten?', topic: 'Werk en loopbaan', number: 'Dit is je nummer', shown: 'Onderwerp: Werk en loopbaan' }],
  ['English', { home: 'Talk to someone', title: 'What do you want to talk about?', topic: 'Work and career', number: 'This is your number', shown: 'Topic: Work and career' }],
] as const) {
  test(`${language}: a visitor takes a ticket for a conversation`, async ({ page }, testInfo) => {
    await start(page, language);
    await page.getByTestId('home-talk').click();
    await expect(page.getByTestId('home-talk')).toBeHidden();
    await expect(screenTitle(page)).toHaveText(texts.title);
    if (language === 'Nederlands') await checkScreen(page, testInfo, 'kiosk-ticket-topic');
    await page.getByRole('button', { name: texts.topic }).click();
    await expect(screenTitle(page)).toHaveText(texts.number);
    await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]{1,2}\d{3,4}$/);
    await expect(page.locator('main')).toContainText(texts.shown);
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');
    if (language === 'Nederlands') await checkScreen(page, testInfo, 'kiosk-ticket-number');
    // One main action whatever the hour: an appointment offer on a closed shop's ticket is a quiet button.
    await expect(page.locator('main .button--primary')).toHaveCount(1);
    // Done asks one optional question; skipping it erases the visit: the next visitor starts at the welcome screen.
    await page.getByTestId('ticket-done').click();
    await page.getByTestId('feedback-skip').click();
    await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
  });
}

test('without a printer, the ticket screen says so and the number stays on screen', async ({ page }) => {
  const config = join(tempDir('kiosk-noprinter'), 'device.json');
  writeFileSync(config, JSON.stringify({ role: 'kiosk', location: { id: 'utrecht-centrum', name: 'Loopbaanwinkel Utrecht Centrum' }, region: 'midden-utrecht', printer: { type: 'none' } }));
  const bare = await spawnHost(['--config', config]);
  try {
    await page.goto(bare.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('home-talk').click();
    await page.getByTestId('ticket-topic-work').click();
    await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]{1,2}\d{3,4}$/);
    await expect(page.getByTestId('print-status')).toHaveText('⚠ The printer is not working. Remember your number or take a photo of it.');
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await bare.stop();
  }
});

test('an English visitor gets English everywhere, with plurals in the idle countdown', async ({ page }) => {
  await page.clock.install();
  await start(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(screenTitle(page)).toHaveText('How can we help you?');
  await expect(page.getByRole('navigation', { name: 'Tools' })).toContainText('Stop and erase');
  await expect(page.getByRole('navigation', { name: 'Tools' })).toContainText('Ask a staff member');
  await page.getByTestId('home-voucher').click();
  await answerEligibility(page, 'en', birthDate(40), eligibleAnswers);
  await expect(screenTitle(page)).toHaveText('You can probably get a voucher');
  await page.getByTestId('result-request').click();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await expect(page.getByTestId('trajectory-opleidingsadvies')).toContainText('You hear which course or training suits you');
  await page.clock.fastForward(90_000);
  await expect(page.getByTestId('idle-dialog')).toContainText('30 seconds left');
  await page.clock.fastForward(29_000);
  await expect(page.getByTestId('idle-dialog')).toContainText('1 second left');
});

test('Arabic is right-to-left and the layout mirrors', async ({ page }, testInfo) => {
  await start(page, 'Nederlands');
  const backLtr = await box(page.locator('[data-tool="back"]'));
  const staffLtr = await box(page.locator('[data-tool="staff"]'));
  await page.locator('[data-tool="language"]').click();
  await page.getByTestId('language-dialog').getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(screenTitle(page)).toHaveText('كيف يمكننا مساعدتك؟');
  const backRtl = await box(page.locator('[data-tool="back"]'));
  const staffRtl = await box(page.locator('[data-tool="staff"]'));
  const width = page.viewportSize()?.width ?? 0;
  // Back moves from the left edge to the right edge; the staff button the other way.
  expect(backLtr.x).toBeLessThan(width / 2);
  expect(backRtl.x).toBeGreaterThan(width / 2);
  expect(staffLtr.x).toBeGreaterThan(width / 2);
  expect(staffRtl.x).toBeLessThan(width / 2);
  // Inside a tile the pictogram sits at the start: the right in Arabic.
  const tile = page.getByTestId('home-information');
  const icon = await box(tile.locator('svg'));
  const text = await box(tile.locator('.tile__title'));
  expect(icon.x).toBeGreaterThan(text.x);
  // The back arrow points right in a right-to-left language.
  await expect(page.locator('[data-tool="back"] svg')).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
  await checkScreen(page, testInfo, 'kiosk-home-ar');
});

test('idle: the warning is announced, "continue" keeps the answers, running out wipes every trace', async ({ page }, testInfo) => {
  await page.clock.install();
  await page.goto(await host.fresh());
  await page.evaluate(() => sessionStorage.setItem('draft-from-somewhere', 'x'));
  const historyAtStart = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('[data-tool="text-size"]').click();
  await toContactStep(page, 'en');
  await page.getByLabel('Your name').click();
  await tapKeys(page, 'Noor');
  await page.locator('.kiosk__main').evaluate((main) => main.scrollTo(0, 40));

  await page.clock.fastForward(89_000);
  await expect(page.getByTestId('idle-dialog')).toBeHidden();
  await page.clock.fastForward(2_000);
  const dialog = page.getByTestId('idle-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Are you still there?' })).toBeVisible();
  await expect(page.getByTestId('announcer')).toHaveText(/^Are you still there\? We will erase everything in (30|29) seconds\./);
  await page.getByRole('button', { name: 'Yes, I am still here' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('announcer')).toBeEmpty();
  // Escape counts as "continue" too; checkDialog uses it to close the warning in both contrast modes.
  await checkDialog(page, testInfo, 'kiosk-idle-dialog', async () => {
    await page.clock.fastForward(91_000);
  });
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Your name')).toHaveValue('Noor');

  await page.clock.fastForward(91_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(30_000);
  await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal');

  // No trace: not in the DOM (text or field values), not in storage, not in history.
  expect(await page.content()).not.toContain('Noor');
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('input'), (i) => i.value).join(''))).toBe('');
  // Nothing of the host's session either: it is an HttpOnly cookie, out of the page's reach.
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  await page.goBack();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain('Noor');
});

test('"Stop and erase" wipes the visit after one confirmation', async ({ page }) => {
  await start(page, 'Nederlands');
  await toContactStep(page, 'nl');
  await page.getByLabel('Je telefoonnummer').click();
  await tapKeys(page, '0612345678');
  await page.locator('[data-tool="stop"]').click();
  await page.getByRole('button', { name: 'Nee, ga verder' }).click();
  await expect(page.getByLabel('Je telefoonnummer')).toHaveValue('0612345678');
  await page.locator('[data-tool="stop"]').click();
  await page.getByRole('button', { name: 'Ja, stop en wis alles' }).click();
  await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
  expect(await page.content()).not.toContain('0612345678');
});

/**
 * The first visitor of a pair leaves every kind of trace: a language, larger text, high contrast, an
 * eligible check, a request with a name and an e-mail address typed in.
 */
const firstVisitor = { name: 'Sam de Vries', email: 'sam@voorbeeld.nl' };
async function leaveTraces(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: lang === 'nl' ? 'Nederlands' : 'English' }).click();
  await page.locator('[data-tool="text-size"]').click();
  await page.locator('[data-tool="contrast"]').click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await toContactStep(page, lang);
  await page.getByLabel(lang === 'nl' ? 'Je naam' : 'Your name').click();
  await tapKeys(page, firstVisitor.name);
  await page.getByLabel(lang === 'nl' ? 'Je e-mailadres' : 'Your email address').click();
  await tapKeys(page, firstVisitor.email);
}

/** What the next visitor finds: a welcome screen with nothing of the one before, and a visit that starts over. */
async function expectFreshStart(page: Page, testInfo: TestInfo, way: string): Promise<void> {
  await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
  await expect(screenTitle(page)).toBeFocused();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'nl');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(html).toHaveAttribute('data-contrast', 'normal');
  await expect(html).toHaveAttribute('data-text-size', 'normal');
  await expect(page.locator('[data-tool="contrast"]')).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: testInfo.outputPath(`welcome-after-${way}.png`) });
  const noTrace = async (): Promise<void> => {
    const dom = await page.content();
    for (const typed of [firstVisitor.name, 'Vries', firstVisitor.email, 'voorbeeld.nl']) expect(dom).not.toContain(typed);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('input'), (i) => i.value).join(''))).toBe('');
  };
  await noTrace();

  // The next visitor: Dutch, then "request a voucher" - the check comes first again, and every field is empty.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(screenTitle(page)).toHaveText('Waarmee kunnen we je helpen?');
  await expect(page.locator('[data-tool="text-size"]')).toHaveText('Tekst: normaal');
  await page.getByTestId('home-voucher').click();
  await expect(screenTitle(page)).toHaveText('Kun je een voucher krijgen?');
  await noTrace();
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
  await noTrace();
  // "Back" twice leads to home and then, once more, ends this visit too: nothing to go back to.
  await page.locator('[data-tool="home"]').click();
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
}

const waysToWelcome: ReadonlyArray<{ way: string; lang: Lang; clock?: true; go(page: Page): Promise<void> }> = [
  {
    // The report in the issue, step for step.
    way: 'back-from-home',
    lang: 'nl',
    go: async (page) => {
      await page.locator('[data-tool="home"]').click();
      await expect(screenTitle(page)).toHaveText('Waarmee kunnen we je helpen?');
      await page.locator('[data-tool="back"]').click();
    },
  },
  {
    way: 'back-screen-by-screen',
    lang: 'en',
    go: async (page) => {
      // One tap at a time, each waiting for the screen it leads to: contact, provider, trajectory, result, four questions, start, home, welcome.
      for (let taps = 0; (await page.locator('[data-screen="welcome"]').count()) === 0; taps++) {
        expect(taps, 'back should reach the welcome screen within 15 taps').toBeLessThan(15);
        const before = (await screenTitle(page).textContent()) ?? '';
        await page.locator('[data-tool="back"]').click();
        await expect(screenTitle(page)).not.toHaveText(before);
      }
    },
  },
  {
    way: 'idle-timeout',
    lang: 'en',
    clock: true,
    go: async (page) => {
      await page.clock.fastForward(91_000);
      await expect(page.getByTestId('idle-dialog')).toBeVisible();
      await page.clock.fastForward(31_000);
    },
  },
  {
    way: 'stop-and-erase',
    lang: 'en',
    go: async (page) => {
      await page.locator('[data-tool="stop"]').click();
      await page.getByRole('button', { name: 'Yes, stop and erase everything' }).click();
    },
  },
  {
    way: 'done-after-the-request',
    lang: 'en',
    go: async (page) => {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByTestId('consent-yes').click();
      await page.getByTestId('voucher-send').click();
      await expect(screenTitle(page)).toHaveText('Your request has started');
      await page.getByRole('button', { name: 'Done, erase my details from the screen' }).click();
      await expect(screenTitle(page)).toHaveText('How was your visit?');
      await page.getByTestId('feedback-good').click();
    },
  },
];

for (const { way, lang, clock, go } of waysToWelcome) {
  test(`the welcome screen is a fresh start, reached by ${way}: nothing of the visit before, the check asked again, default text and contrast`, async ({ page }, testInfo) => {
    if (clock) await page.clock.install();
    await page.goto(await host.fresh());
    await leaveTraces(page, lang);
    await go(page);
    await expectFreshStart(page, testInfo, way);
  });
}

test('the on-screen keyboard types into every text field and never covers it', async ({ page }) => {
  await start(page, 'Nederlands');
  await toContactStep(page, 'nl');
  const fields = page.locator('input[data-osk]');
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    await field.click();
    const keyboard = page.getByTestId('on-screen-keyboard');
    await expect(keyboard).toBeVisible();
    // Each field has its own keys: letters with an accents layer for a name, a pad for a phone number.
    const keys = await field.getAttribute('data-keys');
    await tapKeys(page, keys === 'tel' ? '061' : 'ab1');
    // Move the caret into the middle and type there: the keyboard inserts at the caret.
    await field.evaluate((el: HTMLInputElement) => el.setSelectionRange(1, 1));
    if (keys === 'name') {
      await keyboard.locator('[data-key="layer"]').click();
      await keyboard.locator('[data-key="é"]').click();
      await keyboard.locator('[data-key="backspace"]').click();
    }
    await keyboard.locator(keys === 'tel' ? '[data-key="+"]' : '[data-key="@"]').first().click();
    if (keys === 'name') await keyboard.locator('[data-key="layer"]').click();
    await expect(field).toHaveValue(keys === 'tel' ? '0+61' : 'a@b1');
    await expect(field).toBeFocused();
    const fieldBox = await box(field);
    const keyboardBox = await box(keyboard);
    expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(keyboardBox.y);
    expect(fieldBox.y).toBeGreaterThanOrEqual(0);
  }
  await page.getByTestId('on-screen-keyboard').locator('[data-key="done"]').click();
  await expect(page.getByTestId('on-screen-keyboard')).toBeHidden();
});

for (const lang of ['nl', 'en'] as const) {
  const t = ({
    nl: { language: 'Nederlands', not: 'Je kunt nu geen voucher krijgen', staff: 'Een medewerker kijkt met je mee', from: 'Vanaf ', eligible: 'Je kunt waarschijnlijk een voucher krijgen' },
    en: { language: 'English', not: 'You cannot get a voucher right now', staff: 'A staff member will look at this with you', from: 'From ', eligible: 'You can probably get a voucher' },
  } as const)[lang];

  test(`${lang}: eligibility outcomes - too young (with the date from which), needs staff, eligible`, async ({ page }, testInfo) => {
    await start(page, t.language);
    // Seventeen, turning eighteen in ten days: not eligible, with the date in the visitor's language.
        await page.getByTestId('home-eligibility').click();
    const born = birthDate(18, 10);
    await answerEligibility(page, lang, born, []);
    await expect(screenTitle(page)).toHaveText(t.not);
    await expect(page.locator('.reasons')).toContainText('✗');
    const eighteenth = new Date(Number(born.year) + 18, Number(born.month) - 1, Number(born.day), 12);
    await expect(page.getByTestId('eligible-from')).toContainText(`${t.from}${new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long' }).format(eighteenth)}`);
    await expect(page.getByTestId('result-request')).toHaveCount(0);
    if (lang === 'nl') await checkScreen(page, testInfo, 'kiosk-eligibility-result-not-eligible');

    // Back to the birth date, now an adult with a benefit: a staff member helps.
    await page.locator('[data-tool="home"]').click();
    await page.getByTestId('home-eligibility').click();
    await answerEligibility(page, lang, birthDate(35), [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', true]]);
    await expect(screenTitle(page)).toHaveText(t.staff);
    await expect(page.getByTestId('result-talk')).toHaveClass(/button--primary/);
    // Who else can help someone on a benefit: the region's UWV, Werkplein and debt help (sample data).
    await expect(page.locator('[data-testid="who-else"] [data-partner]')).toHaveCount(3);
    await expect(page.locator('[data-testid="who-else"] [data-partner="uwv"]')).toContainText('Utrecht');
    if (lang === 'nl') {
      await page.getByTestId('referral-print').click();
      await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');
    }
    if (lang === 'nl') await checkScreen(page, testInfo, 'kiosk-eligibility-result-needs-staff');

    // Back once and answer "no benefit": eligible, and the earlier answers were kept.
    await page.locator('[data-tool="back"]').click();
    await expect(page.locator('[data-question="hasBenefit"]')).toBeVisible();
    await expect(page.getByRole('button', { name: words[lang].yes, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: words[lang].no, exact: true }).click();
    await expect(screenTitle(page)).toHaveText(t.eligible);
  });
}

test('English: a voucher request to the confirmation', async ({ page }) => {
  await start(page, 'English');
  await toContactStep(page, 'en');
  await page.getByLabel('Your name').click();
  await tapKeys(page, 'Alex Jansen');
  await page.getByLabel('Your phone number').click();
  await tapKeys(page, '0612345678');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('consent-yes').click();
  await expect(screenTitle(page)).toHaveText('Is everything right?');
  await page.getByTestId('voucher-send').click();
  await expect(screenTitle(page)).toHaveText('Your request has started');
  const reference = (await page.getByTestId('voucher-reference').textContent()) ?? '';
  expect(stored(reference).request).toMatchObject({ trajectory: 'ontwikkeladvies', status: 'started' });
});

test('Dutch information: topics and pages, providers with filters, schemes, regional work charts, search as you type', async ({ page }, testInfo) => {
  await start(page, 'Nederlands');
  await page.getByTestId('home-information').click();
  await expect(screenTitle(page)).toHaveText('Informatie');
  await expect(page.getByTestId('topic-voucher')).toBeVisible();
  await checkScreen(page, testInfo, 'kiosk-info-menu');

  await page.getByTestId('topic-voucher').click();
  await expect(page.locator('[data-screen="information-topic"] .tile').first()).toBeVisible();
  await checkScreen(page, testInfo, 'kiosk-info-topic');
  await page.locator('[data-screen="information-topic"] .tile').first().click();
  await expect(page.locator('[data-screen="information-page"] .prose p').first()).toBeVisible();
  await checkScreen(page, testInfo, 'kiosk-info-page');

  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-providers').click();
  const count = page.getByTestId('provider-count');
  await expect(count).toHaveText(/^\d+ adviseurs? gevonden$/);
  const all = Number((await count.textContent())?.split(' ')[0]);
  expect(all).toBeGreaterThan(0);
  await checkScreen(page, testInfo, 'kiosk-info-providers');
  // Filtering by a mark never shows more than all, and every shown provider carries that mark.
  await page.locator('[data-filter-mark="noloc"]').click();
  await expect(page.locator('[data-filter-mark="noloc"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(count).not.toHaveText('');
  const tiles = page.locator('[data-screen="information-providers"] .tile');
  for (const description of await tiles.locator('.tile__description').allTextContents()) expect(description).toContain('Noloc');
  expect(Number((await count.textContent())?.split(' ')[0])).toBeLessThanOrEqual(all);
  await page.locator('[data-filter-mark="noloc"]').locator('xpath=..').getByRole('button', { name: 'Alle' }).click();
  await expect(count).toHaveText(`${all} ${all === 1 ? 'adviseur' : 'adviseurs'} gevonden`);
  await tiles.first().click();
  await expect(page.locator('[data-screen="information-provider"] dl')).toContainText('Keurmerken');
  await checkScreen(page, testInfo, 'kiosk-info-provider');

  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-schemes').click();
  await expect(page.locator('[data-screen="information-schemes"] .tile').first()).toBeVisible();
  await checkScreen(page, testInfo, 'kiosk-info-schemes');
  await page.locator('[data-screen="information-schemes"] .tile').first().click();
  await expect(page.locator('[data-screen="information-scheme"] dl')).toContainText('Voor wie');
  await checkScreen(page, testInfo, 'kiosk-info-scheme');

  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-work').click();
  await expect(screenTitle(page)).toHaveText(/^Werk in /);
  await expect(page.getByTestId('chart-growing').locator('li').first()).toContainText('▲');
  await expect(page.getByTestId('chart-shrinking').locator('li').first()).toContainText('▼');
  await checkScreen(page, testInfo, 'kiosk-info-work');

  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-search').click();
  await page.getByLabel('Waar zoek je naar?').click();
  await tapKeys(page, 'opleid');
  await expect(page.getByTestId('search-count')).toHaveText(/^\d+ resultaten?$/);
  await expect(page.locator('.results mark').first()).toBeVisible();
  expect((await page.locator('.results mark').first().textContent())?.toLowerCase()).toContain('opleid');
  await checkScreen(page, testInfo, 'kiosk-info-search');
  await page.locator('.results .result').first().click();
  await expect(screenTitle(page)).not.toHaveText('Zoeken');
  // Back to the search: the words typed are still there (until the visit ends).
  await page.locator('[data-tool="back"]').click();
  await expect(page.getByLabel('Waar zoek je naar?')).toHaveValue('opleid');
});

test('English information: pages and search in English', async ({ page }) => {
  await start(page, 'English');
  await page.getByTestId('home-information').click();
  await expect(screenTitle(page)).toHaveText('Information');
  await expect(page.getByTestId('topic-voucher')).toContainText('The career voucher');
  await page.getByTestId('info-search').click();
  await page.getByLabel('What are you looking for?').click();
  await tapKeys(page, 'training');
  await expect(page.getByTestId('search-count')).toHaveText(/^\d+ results?$/);
  await expect(page.locator('.results mark').first()).toBeVisible();
  await page.locator('.results .result').first().click();
  await expect(screenTitle(page)).not.toHaveText('Search');
});

test('focus is visible, motion stops when the OS asks, the brand colour is one token, and read-aloud is there without a browser voice', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await start(page, 'Nederlands');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCSS('outline-style', 'solid');
  await expect(focused).toHaveCSS('outline-width', '4px');
  await expect(page.getByTestId('home-information')).toHaveCSS('transition-duration', '0s');
  // A region's brand colour is one token: setting it recolours the header and the primary actions.
  await page.evaluate(() => document.documentElement.style.setProperty('--lbw-color-brand', 'rgb(0, 90, 50)'));
  await expect(page.locator('.kiosk__bar')).toHaveCSS('background-color', 'rgb(0, 90, 50)');
  await expect(page.locator('[data-tool="staff"]')).toHaveCSS('background-color', 'rgb(0, 90, 50)');
  // Debian's headless Chromium ships no speech voices: the device's own voice reads instead (kiosk-read-aloud.spec.ts).
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
  await expect(page.locator('[data-tool="read-aloud"]')).toBeVisible();
});

for (const viewport of [
  { width: 1080, height: 1920, name: 'portrait' },
  { width: 1920, height: 1080, name: 'landscape' },
]) {
  test(`largest text, ${viewport.name}: no clipped, small or overlapping controls`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto(await host.fresh());
    await page.locator('[data-tool="text-size"]').click();
    await page.locator('[data-tool="text-size"]').click();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
    const check = async (name: string): Promise<void> => {
      await page.screenshot({ path: testInfo.outputPath(`kiosk-largest-${viewport.name}-${name}.png`) });
      expect(await layoutProblems(page), name).toEqual([]);
    };
    await check('welcome');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await check('home');
    await page.getByTestId('home-voucher').click();
    await check('eligibility-start');
    await answerEligibility(page, 'nl', birthDate(40), eligibleAnswers, async (name) => {
      if (name === 'birth-date') await page.getByLabel('Jaar', { exact: true }).click();
      await check(`eligibility-${name}`);
    });
    await check('eligibility-result');
    await page.getByTestId('result-request').click();
    await check('trajectory');
    await page.getByTestId('trajectory-ontwikkeladvies').click();
    await check('provider');
    await page.getByTestId('provider-later').click();
    await page.getByLabel('Je naam').click();
    await check('contact-keyboard');
    await page.getByTestId('on-screen-keyboard').locator('[data-key="done"]').click();
    await page.locator('[data-tool="stop"]').click();
    await check('stop-dialog');
    await page.keyboard.press('Escape');
    await page.locator('[data-tool="home"]').click();
    await page.getByTestId('home-information').click();
    await expect(page.getByTestId('topic-voucher')).toBeVisible();
    await check('information');
    await page.getByTestId('info-providers').click();
    await expect(page.getByTestId('provider-count')).toBeVisible();
    await check('providers');
    await page.locator('[data-tool="back"]').click();
    await page.getByTestId('info-work').click();
    await expect(page.getByTestId('chart-growing')).toBeVisible();
    await check('work');
    await page.locator('[data-tool="back"]').click();
    await page.getByTestId('info-search').click();
    await page.getByLabel('Waar zoek je naar?').click();
    await tapKeys(page, 'voucher');
    await expect(page.getByTestId('search-count')).toBeVisible();
    await check('search');
  });
}

/** Letters of a script in a text, for "is this paragraph Arabic / Turkish / Ukrainian" checks. */
const lettersOf = (text: string, script: RegExp): number => [...text].filter((c) => script.test(c)).length;
const latin = /\p{Script=Latin}/u;

/** Every paragraph of the screen's content whose own language (its `lang` or the page's) is not in its script. */
async function paragraphsOutOfLanguage(page: Page, script: RegExp): Promise<string[]> {
  const paragraphs = await page.locator('.kiosk__main p, .kiosk__main h1, .kiosk__main li').evaluateAll((els) =>
    els.map((el) => ({ text: (el as HTMLElement).innerText.trim(), lang: el.closest('[lang]')?.getAttribute('lang') ?? '' })),
  );
  const pageLang = await page.locator('html').getAttribute('lang');
  // A paragraph in the page's language is in its script; names and abbreviations (UWV, WW, Noloc) are a few Latin letters.
  return paragraphs
    .filter((p) => p.text !== '' && p.lang === pageLang)
    .filter((p) => lettersOf(p.text, script) <= lettersOf(p.text, latin))
    .map((p) => p.text);
}

for (const walk of [
  {
    lang: 'tr',
    name: 'Türkçe',
    script: null,
    home: 'Size nasıl yardım edebiliriz?',
    info: 'Bilgi',
    topic: 'Kariyer kuponu',
    page: 'Kariyer kuponu nedir?',
    pageText: 'Kuponu 4 yılda bir alabilirsiniz.',
    check: 'Kupon alabilir misiniz?',
    question: 'Hollanda\'da mı yaşıyorsunuz?',
    result: 'Büyük olasılıkla kupon alabilirsiniz',
    reason: 'Hollanda\'da yaşıyorsunuz.',
    ticketTopic: 'İş ve kariyer',
    number: 'Numaranız bu',
    receiptNote: 'Numara kâğıdınız İngilizce basılır.',
  },
  {
    lang: 'pl',
    name: 'Polski',
    script: null,
    home: 'W czym możemy pomóc?',
    info: 'Informacje',
    topic: 'Bon na rozwój kariery',
    page: 'Czym jest bon na rozwój kariery?',
    pageText: 'Bon możesz dostać raz na 4 lata.',
    check: 'Czy możesz dostać bon?',
    question: 'Czy mieszkasz w Holandii?',
    result: 'Prawdopodobnie możesz dostać bon',
    reason: 'Mieszkasz w Holandii.',
    ticketTopic: 'Praca i kariera',
    number: 'To jest twój numerek',
    receiptNote: 'Twój numerek drukuje się po angielsku.',
  },
  {
    lang: 'uk',
    name: 'Українська',
    script: /\p{Script=Cyrillic}/u,
    home: 'Чим ми можемо вам допомогти?',
    info: 'Інформація',
    topic: 'Кар\'єрний ваучер',
    page: 'Що таке кар\'єрний ваучер?',
    pageText: 'Ваучер можна отримати раз на 4 роки.',
    check: 'Чи можете ви отримати ваучер?',
    question: 'Ви живете в Нідерландах?',
    result: 'Імовірно, ви можете отримати ваучер',
    reason: 'Ви живете в Нідерландах.',
    ticketTopic: 'Робота та кар\'єра',
    number: 'Це ваш номер',
    receiptNote: 'Ваш номерок друкується англійською.',
  },
] as const) {
  test(`${walk.name}: welcome, language, an information page, the check and a ticket, all in ${walk.lang}; axe clean`, async ({ page }, testInfo) => {
    await page.goto(await host.fresh());
    await page.getByRole('button', { name: walk.name }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', walk.lang);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(screenTitle(page)).toHaveText(walk.home);
    await checkScreen(page, testInfo, `kiosk-home-${walk.lang}`);

    await page.getByTestId('home-information').click();
    await expect(screenTitle(page)).toHaveText(walk.info);
    await page.getByTestId('topic-voucher').click();
    await expect(screenTitle(page)).toHaveText(walk.topic);
    await page.getByTestId('page-what-is-the-voucher').click();
    await expect(screenTitle(page)).toHaveText(walk.page);
    await expect(page.locator('.prose')).toContainText(walk.pageText);
    // Turkish and Polish are written in Latin letters too, so only the Cyrillic walk can check the script of every paragraph.
    if (walk.script) expect(await paragraphsOutOfLanguage(page, walk.script)).toEqual([]);
    await checkScreen(page, testInfo, `kiosk-page-${walk.lang}`);

    await page.locator('[data-tool="home"]').click();
    await page.getByTestId('home-eligibility').click();
    await expect(screenTitle(page)).toHaveText(walk.check);
    await answerEligibility(page, walk.lang, birthDate(40), eligibleAnswers, async (name) => {
      if (name === 'yes-no') {
        await expect(screenTitle(page)).toHaveText(walk.question);
        await checkScreen(page, testInfo, `kiosk-question-${walk.lang}`);
      }
    });
    await expect(screenTitle(page)).toHaveText(walk.result);
    await expect(page.locator('.reasons')).toContainText(walk.reason);
    if (walk.script) expect(await paragraphsOutOfLanguage(page, walk.script)).toEqual([]);
    await checkScreen(page, testInfo, `kiosk-result-${walk.lang}`);

    await page.locator('[data-tool="home"]').click();
    await page.getByTestId('home-talk').click();
    await page.getByRole('button', { name: walk.ticketTopic }).click();
    await expect(screenTitle(page)).toHaveText(walk.number);
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');
    // The printer's code page has no letters for this language: the paper is English, and the screen says so.
    await expect(page.getByTestId('receipt-language')).toContainText(walk.receiptNote);
    await checkScreen(page, testInfo, `kiosk-ticket-${walk.lang}`);
  });
}

test('Arabic information pages, schemes and the check are in Arabic: no Latin paragraph without its own lang; axe clean', async ({ page }, testInfo) => {
  const arabic = /\p{Script=Arabic}/u;
  await start(page, 'العربية');
  await page.getByTestId('home-information').click();
  await expect(page.getByTestId('topic-voucher')).toBeVisible();
  const topics = await page.locator('[data-testid^="topic-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  expect(topics.length).toBeGreaterThan(5);
  for (const topic of topics) {
    await page.getByTestId(topic).click();
    await expect(page.locator('[data-testid^="page-"]').first()).toBeVisible();
    expect(await paragraphsOutOfLanguage(page, arabic), topic).toEqual([]);
    const pages = await page.locator('[data-testid^="page-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
    for (const id of pages) {
      await page.getByTestId(id).click();
      await expect(page.locator('.prose')).toBeVisible();
      expect(await paragraphsOutOfLanguage(page, arabic), id).toEqual([]);
      await page.locator('[data-tool="back"]').click();
    }
    await page.locator('[data-tool="back"]').click();
  }
  await page.getByTestId('topic-voucher').click();
  await page.getByTestId('page-what-is-the-voucher').click();
  await expect(screenTitle(page)).toHaveText('ما هي قسيمة المسار المهني؟');
  await checkScreen(page, testInfo, 'kiosk-page-ar');

  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-schemes').click();
  await expect(page.locator('[data-testid^="scheme-"]').first()).toBeVisible();
  expect(await paragraphsOutOfLanguage(page, arabic), 'schemes').toEqual([]);
  const schemes = await page.locator('[data-testid^="scheme-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  for (const id of schemes) {
    await page.getByTestId(id).click();
    await expect(page.locator('.prose')).toBeVisible();
    expect(await paragraphsOutOfLanguage(page, arabic), id).toEqual([]);
    if (id === schemes[0]) await checkScreen(page, testInfo, 'kiosk-scheme-ar');
    await page.locator('[data-tool="back"]').click();
  }

  // An adviser's name is a name; their description is Arabic.
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-providers').click();
  await expect(page.getByTestId('provider-count')).toBeVisible();
  await page.locator('[data-testid^="provider-"]:not([data-testid="provider-count"])').first().click();
  await expect(page.locator('.prose')).toBeVisible();
  const description = await page.locator('.prose').innerText();
  expect(lettersOf(description, arabic), description).toBeGreaterThan(lettersOf(description, latin));
  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-work').click();
  await expect(page.getByTestId('chart-growing')).toBeVisible();
  const chart = await page.getByTestId('chart-growing').innerText();
  expect(lettersOf(chart, arabic), chart).toBeGreaterThan(lettersOf(chart, latin));

  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await expect(screenTitle(page)).toHaveText('ما تاريخ ميلادك؟');
  await checkScreen(page, testInfo, 'kiosk-question-ar');
});

test('a visitor who changes language mid-path keeps their place: an information page, the check\'s answers, the voucher form', async ({ page }) => {
  const switchTo = async (name: string): Promise<void> => {
    await page.locator('[data-tool="language"]').click();
    await page.getByTestId('language-dialog').getByRole('button', { name }).click();
    await expect(page.getByTestId('language-dialog')).toBeHidden();
  };
  await start(page, 'Nederlands');
  await page.getByTestId('home-information').click();
  await page.getByTestId('topic-voucher').click();
  await page.getByTestId('page-who-can-get-a-voucher').click();
  await expect(screenTitle(page)).toHaveText('Wie kan een voucher krijgen?');
  await switchTo('Polski');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(screenTitle(page)).toHaveText('Kto może dostać bon?');
  await expect(page.locator('.prose')).toContainText('Możesz dostać bon, jeśli masz co najmniej 18 lat.');
  // Back still leads to the same topic, now in Polish.
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Bon na rozwój kariery');

  // The check: answers given in Turkish stay when the visitor switches to Ukrainian and goes back.
  await switchTo('Türkçe');
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-voucher').click();
  await page.getByTestId('eligibility-begin').click();
  const born = birthDate(40);
  for (const [label, value] of [['Gün', born.day], ['Ay', born.month], ['Yıl', born.year]] as const) {
    await page.getByLabel(label, { exact: true }).click();
    await tapKeys(page, value);
  }
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(page.locator('[data-question="livesInNetherlands"]')).toBeVisible();
  await page.getByRole('button', { name: 'Evet', exact: true }).click();
  await expect(page.locator('[data-question="hadVoucher"]')).toBeVisible();
  await switchTo('Українська');
  await expect(page.locator('[data-question="hadVoucher"]')).toBeVisible();
  await expect(screenTitle(page)).toHaveText('Ви вже колись отримували кар\'єрний ваучер?');
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Ви живете в Нідерландах?');
  await expect(page.getByRole('button', { name: 'Так', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-tool="back"]').click();
  await expect(page.getByLabel('Рік', { exact: true })).toHaveValue(born.year);
  await expect(page.getByLabel('День', { exact: true })).toHaveValue(born.day);
  // Forward again: the engine skips what is answered, so the kept "yes" leads straight to the next question.
  await page.getByRole('button', { name: 'Далі' }).click();
  for (const question of ['hadVoucher', 'openTrajectory', 'hasBenefit']) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    await page.getByRole('button', { name: 'Ні', exact: true }).click();
  }
  await expect(screenTitle(page)).toHaveText('Імовірно, ви можете отримати ваучер');
  await switchTo('العربية');
  // The reasons follow the switch: the core words them again in Arabic.
  await expect(page.locator('.reasons')).toContainText('أنت تسكن في هولندا.');

  // The voucher form: what was typed stays through a switch, and the labels change.
  await page.getByTestId('result-request').click();
  await page.getByTestId('trajectory-loopbaan-apk').click();
  await page.getByTestId('provider-later').click();
  await switchTo('English');
  await page.getByLabel('Your name').click();
  await tapKeys(page, 'Olena Koval');
  await page.getByLabel('Your email address').click();
  await tapKeys(page, 'olena');
  await switchTo('Українська');
  await expect(page.getByLabel('Ваше ім\'я')).toHaveValue('Olena Koval');
  await expect(page.getByLabel('Ваша електронна пошта')).toHaveValue('olena');
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('provider-later').click();
  await expect(page.getByLabel('Ваше ім\'я')).toHaveValue('Olena Koval');
});
