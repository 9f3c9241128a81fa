import { expect, test, type Locator, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { box, checkScreen, tapKeys } from './kiosk-helpers';

/**
 * Input built for the field: a number pad for dates and phone numbers that moves on by itself, an
 * e-mail layout, Arabic letters for an Arabic visitor's name, refusals said in words, messages that
 * never move the form, and the field always above the keyboard.
 */
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('kiosk-input')]);
});
test.afterAll(async () => {
  await host?.stop();
});

const words = {
  nl: { language: 'Nederlands', yes: 'Ja', no: 'Nee', day: 'Dag', month: 'Maand', year: 'Jaar', next: 'Volgende' },
  ar: { language: 'العربية', yes: 'نعم', no: 'لا', day: 'اليوم', month: 'الشهر', year: 'السنة', next: 'التالي' },
} as const;
type Lang = keyof typeof words;

const keyboard = (page: Page): Locator => page.getByTestId('on-screen-keyboard');

async function start(page: Page, lang: Lang): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: words[lang].language }).click();
  await expect(page.getByTestId('home-voucher')).toBeVisible();
}

async function toBirthDate(page: Page): Promise<void> {
  await page.getByTestId('home-voucher').click();
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
}

/** From home to the voucher's contact step; a birth year far from any age boundary, so the host's clock never changes the outcome. */
async function toContactStep(page: Page, lang: Lang): Promise<void> {
  const w = words[lang];
  await toBirthDate(page);
  await page.getByLabel(w.day, { exact: true }).fill('15');
  await page.getByLabel(w.month, { exact: true }).fill('6');
  await page.getByLabel(w.year, { exact: true }).fill('1980');
  await fromBirthDateToContact(page, lang);
}

/** Past the typed birth date and the eligible answers to the voucher's contact step. */
async function fromBirthDateToContact(page: Page, lang: Lang): Promise<void> {
  const w = words[lang];
  await page.getByRole('button', { name: w.next }).click();
  for (const [question, yes] of [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', false]] as const) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    await page.getByRole('button', { name: yes ? w.yes : w.no, exact: true }).click();
  }
  await page.getByTestId('result-request').click();
  await page.getByTestId('trajectory-ontwikkeladvies').click();
  await page.getByTestId('provider-later').click();
  await expect(page.locator('[data-screen="voucher-contact"]')).toBeVisible();
}

const letterKeys = (page: Page): Locator => keyboard(page).locator('[data-key="e"], [data-key="a"], [data-key="q"]');

test('a date on the number pad: each part moves on by itself, a letter is refused in words, never silently dropped', async ({ page }, testInfo) => {
  await start(page, 'nl');
  await toBirthDate(page);
  const day = page.getByLabel('Dag', { exact: true });
  const month = page.getByLabel('Maand', { exact: true });
  const year = page.getByLabel('Jaar', { exact: true });
  const message = page.getByTestId('date-message');
  await day.click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'digits');
  // No letter to mistype: the pad has the ten digits, delete and done.
  await expect(letterKeys(page)).toHaveCount(0);
  await expect(keyboard(page).locator('button')).toHaveCount(12);
  await checkScreen(page, testInfo, 'input-date-pad');

  await tapKeys(page, '24');
  await expect(month).toBeFocused();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'digits');
  // A month from 2 up cannot take a second digit: "5" is May, and the year is next.
  await tapKeys(page, '5');
  await expect(year).toBeFocused();
  await tapKeys(page, '19867');
  await expect(year).toHaveValue('1986');
  await expect(message).toHaveText('⚠ Niet meer dan 4 cijfers');
  await expect(day).toHaveValue('24');
  await expect(month).toHaveValue('5');

  // A physical keyboard: "19e5" keeps its digits and says why the "e" did not count.
  await year.fill('');
  await expect(message).toHaveText('');
  await year.focus();
  await page.keyboard.type('19e5');
  await expect(year).toHaveValue('195');
  await expect(message).toHaveText('⚠ Alleen cijfers');
  await expect(message).toHaveAttribute('aria-live', 'polite');
  await expect(year).toHaveAttribute('aria-describedby', (await message.getAttribute('id')) ?? 'missing');
  // A scanner pastes all at once: the whole text is refused, not cut down to "195".
  await year.fill('');
  await page.keyboard.insertText('19e5');
  await expect(year).toHaveValue('');
  await expect(message).toHaveText('⚠ Alleen cijfers');
  await checkScreen(page, testInfo, 'input-date-refused');
  await year.focus();
  await page.keyboard.type('1986');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.locator('[data-question="livesInNetherlands"]')).toBeVisible();
});

test('a message appearing or going away never moves the form', async ({ page }) => {
  await start(page, 'nl');
  await toBirthDate(page);
  const next = page.getByRole('button', { name: 'Volgende' });
  const before = (await box(next)).y;
  await next.click();
  await expect(page.getByText('Vul de dag, de maand en het jaar in.')).toBeVisible();
  expect((await box(next)).y).toBe(before);

  await page.getByLabel('Dag', { exact: true }).fill('15');
  await page.getByLabel('Maand', { exact: true }).fill('6');
  await page.getByLabel('Jaar', { exact: true }).fill('1980');
  await fromBirthDateToContact(page, 'nl');
  const send = page.getByRole('button', { name: 'Volgende' });
  const email = page.getByLabel('Je e-mailadres');
  const layout = async (): Promise<number[]> => [(await box(email)).y, (await box(page.getByLabel('Je telefoonnummer'))).y, (await box(send)).y];
  const empty = await layout();
  await send.click();
  await expect(page.getByText('Vul je naam in.')).toBeVisible();
  await expect(page.getByText('Vul je e-mailadres of je telefoonnummer in.')).toBeVisible();
  expect(await layout()).toEqual(empty);
  // The errors go as the fields are filled: nothing below them moves either.
  await page.getByLabel('Je naam').click();
  const withKeyboard = await layout();
  await tapKeys(page, 'Sam');
  await expect(page.getByText('Vul je naam in.')).toHaveCount(0);
  expect(await layout()).toEqual(withKeyboard);
});

test('phone and e-mail: a phone pad with + and space, an e-mail layout with @, .nl and .com and no space', async ({ page }, testInfo) => {
  await start(page, 'nl');
  await toContactStep(page, 'nl');
  const email = page.getByLabel('Je e-mailadres');
  const phone = page.getByLabel('Je telefoonnummer');

  await page.getByLabel('Je naam').click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'letters');

  await email.click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'email');
  for (const key of ['@', '.', '.nl', '.com']) await expect(keyboard(page).locator(`[data-key="${key}"]`)).toBeVisible();
  await expect(keyboard(page).locator('[data-key="space"]')).toHaveCount(0);
  await tapKeys(page, 'sam@mail');
  await keyboard(page).locator('[data-key=".com"]').click();
  await expect(email).toHaveValue('sam@mail.com');
  await expect(email).toBeFocused();
  await keyboard(page).locator('[data-key="backspace"]').click();
  await expect(email).toHaveValue('sam@mail.co');
  await checkScreen(page, testInfo, 'input-email-keys');
  // A physical keyboard's space is refused and said, not swallowed.
  await email.focus();
  await page.keyboard.type(' ');
  await expect(email).toHaveValue('sam@mail.co');
  await expect(page.getByTestId('email-message')).toHaveText('⚠ Geen spatie in een e-mailadres');

  await phone.click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'tel');
  await expect(letterKeys(page)).toHaveCount(0);
  await tapKeys(page, '+31 6 1234');
  await expect(phone).toHaveValue('+31 6 1234');
  await expect(phone).toHaveAttribute('type', 'tel');
  await expect(phone).toHaveAttribute('autocomplete', 'tel');
  await page.keyboard.type('x');
  await expect(phone).toHaveValue('+31 6 1234');
  await expect(page.getByTestId('phone-message')).toHaveText('⚠ Alleen cijfers, + en spatie');
  await checkScreen(page, testInfo, 'input-phone-pad');
  // Typing beyond the field's room says so (20 characters for a phone number).
  await tapKeys(page, '567890123');
  await expect(phone).toHaveValue('+31 6 1234567890123');
  await tapKeys(page, '45');
  await expect(phone).toHaveValue('+31 6 12345678901234');
  await expect(page.getByTestId('phone-message')).toHaveText('⚠ Niet meer dan 20 tekens');
  // Deleting answers the note.
  await keyboard(page).locator('[data-key="backspace"]').click();
  await expect(page.getByTestId('phone-message')).toHaveText('');
});

test('the appointment asks only a first name, on the name keys, and no phone number', async ({ page }) => {
  await start(page, 'nl');
  await page.getByTestId('home-appointment').click();
  await page.getByTestId('appointment-topic-eerste-gesprek').click();
  await page.getByTestId('appointment-days').getByRole('button').first().click();
  await page.getByTestId('appointment-time').first().click();
  await expect(page.locator('[data-screen="appointment-contact"]')).toBeVisible();
  await expect(page.locator('[data-screen="appointment-contact"] input')).toHaveCount(1);
  await page.locator('input[name="firstName"]').click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'letters');
  await tapKeys(page, 'sanne');
  await expect(page.locator('input[name="firstName"]')).toHaveValue('sanne');
});

test('Arabic: a name field opens on Arabic letters, with a key to Latin and back; other fields keep their own keys', async ({ page }, testInfo) => {
  await start(page, 'ar');
  await toContactStep(page, 'ar');
  const name = page.locator('input[name="name"]');
  await name.click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'arabic');
  await tapKeys(page, 'نور');
  await expect(name).toHaveValue('نور');
  await checkScreen(page, testInfo, 'input-arabic-name');
  await keyboard(page).locator('[data-key="space"]').click();
  await keyboard(page).locator('[data-key="layer"][data-layer="letters"]').click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'letters');
  // A Latin letter on an Arabic page says its language, so a screen reader does not read it as Arabic.
  await expect(keyboard(page).locator('[data-key="a"]')).toHaveAttribute('lang', 'en');
  await tapKeys(page, 'Ali');
  await expect(name).toHaveValue('نور Ali');
  await keyboard(page).locator('[data-key="layer"][data-layer="arabic"]').click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'arabic');
  await checkScreen(page, testInfo, 'input-arabic-latin');

  await page.locator('input[name="email"]').click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'email');
  await page.locator('input[name="phone"]').click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'tel');
  await page.keyboard.type('x');
  await expect(page.getByTestId('phone-message')).toHaveText('⚠ أرقام فقط، و+ والمسافة');
  // The name opens on Arabic letters again, whatever layer it was left on.
  await name.click();
  await expect(keyboard(page)).toHaveAttribute('data-layer', 'arabic');
});

test('Dutch: a name field has no Arabic key', async ({ page }) => {
  await start(page, 'nl');
  await toContactStep(page, 'nl');
  await page.getByLabel('Je naam').click();
  await expect(keyboard(page).locator('[data-layer="arabic"]')).toHaveCount(0);
});

/** The focus ring (4 px outline, 2 px offset) is part of what must stay visible. */
const ring = 6;

async function expectAboveKeyboard(page: Page, field: Locator, what: string, mustSee: Locator[] = []): Promise<void> {
  await expect(field).toBeFocused();
  for (const part of mustSee) {
    await expect
      .poll(async () => {
        const p = await box(part);
        const k = await box(keyboard(page));
        const main = await box(page.locator('.kiosk__main'));
        return p.y >= main.y && p.y + p.height <= k.y;
      }, { message: `${what}: ${part.toString()} between the top of the content and the keyboard` })
      .toBe(true);
  }
  await expect
    .poll(async () => {
      const f = await box(field);
      const k = await box(keyboard(page));
      const main = await box(page.locator('.kiosk__main'));
      return { top: f.y - ring >= main.y, bottom: f.y + f.height + ring <= k.y };
    }, { message: `${what} with its focus ring between the top of the content and the keyboard` })
    .toEqual({ top: true, bottom: true });
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
]) {
  test(`landscape ${viewport.width}x${viewport.height} at the largest text: the field being typed in stays above the keyboard`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto(await host.fresh());
    await page.locator('[data-tool="text-size"]').click();
    await page.locator('[data-tool="text-size"]').click();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await toBirthDate(page);
    await page.getByLabel('Dag', { exact: true }).click();
    await expectAboveKeyboard(page, page.getByLabel('Dag', { exact: true }), 'day');
    await page.screenshot({ path: testInfo.outputPath(`input-largest-${viewport.width}-date.png`) });
    // Moving on by itself brings each next part into view too.
    await tapKeys(page, '15');
    await expectAboveKeyboard(page, page.getByLabel('Maand', { exact: true }), 'month');
    await tapKeys(page, '6');
    await expectAboveKeyboard(page, page.getByLabel('Jaar', { exact: true }), 'year', [page.getByText('Jaar', { exact: true })]);
    // A refused key's message is in view too, not behind the keyboard.
    await page.keyboard.type('x');
    await expect(page.getByTestId('date-message')).toHaveText('⚠ Alleen cijfers');
    await expectAboveKeyboard(page, page.getByLabel('Jaar', { exact: true }), 'year with a message', [page.getByTestId('date-message')]);
    await page.screenshot({ path: testInfo.outputPath(`input-largest-${viewport.width}-date-refused.png`) });
    await tapKeys(page, '1980');
    await keyboard(page).locator('[data-key="done"]').click();
    await fromBirthDateToContact(page, 'nl');
    await page.getByRole('button', { name: 'Volgende' }).click();
    for (const label of ['Je naam', 'Je e-mailadres', 'Je telefoonnummer']) {
      const field = page.getByLabel(label);
      await field.click();
      await expectAboveKeyboard(page, field, label, [page.locator('label', { hasText: label })]);
      // A key's word on one line: ".com" broken in two made the keyboard taller than the field's room.
      const wrapped = await keyboard(page).locator('.osk__key').evaluateAll((keys) =>
        keys.filter((key) => {
          const range = document.createRange();
          range.selectNodeContents(key);
          return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size > 1;
        }).map((key) => key.textContent),
      );
      expect(wrapped, `${label}: keys whose word breaks over two lines`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`input-largest-${viewport.width}-${label.replace(/\W+/g, '-')}.png`) });
    }
  });
}
