import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { axeViolations, screenTitle } from './kiosk-helpers';

/** Focus after dialogs and on questions, a question counter that never jumps, and outcomes that say honestly what they are. */
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('kiosk-focus-outcomes')]);
});
test.afterAll(async () => {
  await host?.stop();
});

async function start(page: Page): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByTestId('home-voucher')).toBeVisible();
}

/** Birth years far from any boundary, so the wall clock of the host never changes the outcome. */
async function answerBirthDate(page: Page, year: string): Promise<void> {
  await page.getByLabel('Dag', { exact: true }).fill('15');
  await page.getByLabel('Maand', { exact: true }).fill('6');
  await page.getByLabel('Jaar', { exact: true }).fill(year);
  await page.getByRole('button', { name: 'Volgende' }).click();
}

async function answer(page: Page, question: string, yes: boolean): Promise<void> {
  await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
  await page.getByRole('button', { name: yes ? 'Ja' : 'Nee', exact: true }).click();
}

const counter = (page: Page) => page.locator('.steps__text');

test('after Escape closes a dialog, focus is back on the toolbar button that opened it', async ({ page }) => {
  await start(page);
  for (const tool of ['language', 'stop', 'staff'] as const) {
    await page.locator(`[data-tool="${tool}"]`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog[open]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(page.locator(`[data-tool="${tool}"]`), `focus after closing the ${tool} dialog`).toBeFocused();
  }
  // Closing with the dialog's own button returns focus too.
  await page.locator('[data-tool="staff"]').click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.locator('[data-tool="staff"]')).toBeFocused();
});

test('the first question puts focus on its heading, not on the content area', async ({ page }) => {
  await start(page);
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"] #screen-title')).toBeFocused();
  await answerBirthDate(page, '1980');
  await expect(page.locator('[data-question="livesInNetherlands"] #screen-title')).toBeFocused();
});

test('the question counter counts only the questions that will be asked: no jump after "no earlier voucher"', async ({ page }) => {
  await start(page);
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await expect(counter(page)).toHaveText('Vraag 1 van 5');
  await answerBirthDate(page, '1980');
  await expect(counter(page)).toHaveText('Vraag 2 van 5');
  await answer(page, 'livesInNetherlands', true);
  await expect(counter(page)).toHaveText('Vraag 3 van 5');
  await answer(page, 'hadVoucher', false);
  await expect(page.locator('[data-question="openTrajectory"]')).toBeVisible();
  await expect(counter(page)).toHaveText('Vraag 4 van 5');
  await expect(page.locator('.steps__mark')).toHaveCount(5);
  await answer(page, 'openTrajectory', false);
  await expect(counter(page)).toHaveText('Vraag 5 van 5');

  // With an earlier voucher its date is asked, and counted, from then on.
  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await answer(page, 'hadVoucher', true);
  await expect(page.locator('[data-question="lastVoucherDate"]')).toBeVisible();
  await expect(counter(page)).toHaveText('Vraag 4 van 6');
});

test('"talk to staff" looks different from a refusal: pictogram, colour and words; no cross', async ({ page }, testInfo) => {
  await start(page);
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await answerBirthDate(page, '1980');
  for (const [question, value] of [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', true]] as const) await answer(page, question, value);
  await expect(screenTitle(page)).toHaveText('Een medewerker kijkt met je mee');
  const staff = page.getByTestId('outcome');
  await expect(staff).toHaveClass(/outcome--needsStaff/);
  await expect(staff).toContainText('Uitkomst: praat met ons');
  await expect(page.locator('.reasons')).not.toContainText('✗');
  await expect(page.locator('.reasons')).toContainText('→');
  await page.screenshot({ path: testInfo.outputPath('outcome-needs-staff.png') });
  const staffLook = await staff.evaluate((el) => ({ colour: getComputedStyle(el).borderInlineStartColor, sign: el.querySelector('path')?.getAttribute('d') }));
  expect(await axeViolations(page)).toEqual([]);

  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await answerBirthDate(page, '2016');
  await expect(screenTitle(page)).toHaveText('Je kunt nu geen voucher krijgen');
  const refusal = page.getByTestId('outcome');
  await expect(refusal).toHaveClass(/outcome--notEligible/);
  await expect(refusal).toContainText('Uitkomst: nee');
  await expect(page.locator('.reasons')).toContainText('✗');
  await page.screenshot({ path: testInfo.outputPath('outcome-not-eligible.png') });
  const refusalLook = await refusal.evaluate((el) => ({ colour: getComputedStyle(el).borderInlineStartColor, sign: el.querySelector('path')?.getAttribute('d') }));
  expect(refusalLook.colour).not.toBe(staffLook.colour);
  expect(refusalLook.sign).not.toBe(staffLook.sign);
});

test('a visitor refused in this visit is told why before a fresh check, and offered a staff member first', async ({ page }, testInfo) => {
  await start(page);
  await page.getByTestId('home-voucher').click();
  await expect(page.getByTestId('eligibility-again')).toHaveCount(0);
  await page.getByTestId('eligibility-begin').click();
  await answerBirthDate(page, '2016');
  await expect(screenTitle(page)).toHaveText('Je kunt nu geen voucher krijgen');

  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-voucher').click();
  await expect(screenTitle(page)).toHaveText('Je hebt de vragen al beantwoord');
  await expect(page.getByTestId('eligibility-again')).toContainText('Klopt er iets niet? Vraag een medewerker.');
  await expect(page.getByTestId('eligibility-ask-staff')).toHaveClass(/button--primary/);
  await page.screenshot({ path: testInfo.outputPath('eligibility-again.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('eligibility-ask-staff').click();
  await expect(page.getByTestId('staff-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('eligibility-ask-staff')).toBeFocused();
  // A real mistake (a wrong year) can still be put right.
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
});
