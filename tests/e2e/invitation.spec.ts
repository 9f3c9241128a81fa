import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { invitationVisits } from './invitation-helpers';
import { checkScreen, screenTitle } from './kiosk-helpers';

// The demo kiosk stands in Utrecht Centrum (region Midden-Utrecht); the demo pack's campaigns are sample data.
let host: SpawnedHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = tempDir('invitation-e2e');
  host = await spawnHost(['--data-dir', dataDir]);
});
test.afterAll(async () => {
  await host?.stop();
});

async function openInvitation(page: Page): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByTestId('home-invitation').click();
  await expect(screenTitle(page)).toHaveText('Je uitnodiging');
}

test('a letter scanned by a scanner that types: the greeting, its paths, and the check skips what the letter answers', async ({ page }, testInfo) => {
  await openInvitation(page);
  await checkScreen(page, testInfo, 'invitation-code');
  // This browser has no camera (invitation-camera.spec.ts gives it a fake one): the screen does not offer it.
  await expect(page.getByTestId('invitation-camera-start')).toHaveCount(0);
  // A wedge scanner: a burst of keystrokes and Enter, wherever the focus is (here the contrast button checkScreen pressed).
  await page.keyboard.type('UT45-AB12CD\n', { delay: 5 });
  await expect(screenTitle(page)).toHaveText('Je bent uitgenodigd voor een gratis loopbaangesprek');
  await expect(page.getByTestId('invitation-welcome')).toContainText('Dit jaar word je 45');
  await checkScreen(page, testInfo, 'invitation-welcome');
  await page.getByTestId('invitation-continue').click();
  await page.getByTestId('eligibility-begin').click();
  // The letter says the visitor lives in the Netherlands: the check never asks it.
  await expect(page.locator('[data-screen="eligibility-question"]')).toBeVisible();
  await expect(page.locator('[data-question="livesInNetherlands"]')).toHaveCount(0);
  expect(invitationVisits(dataDir)).toEqual([{ campaign: 'utrecht-45-2026', visits: 1 }]);
  expect(JSON.stringify(invitationVisits(dataDir))).not.toContain('AB12CD');
});

test('typed codes that are expired, from another region, unknown, malformed or 200 characters get a calm answer and the way home', async ({ page }, testInfo) => {
  await openInvitation(page);
  const before = invitationVisits(dataDir);
  const field = page.getByLabel('Code van je brief');
  const tryCode = async (code: string, says: string): Promise<void> => {
    await field.fill(code);
    await page.getByTestId('invitation-check').click();
    await expect(page.getByTestId('invitation-refusal')).toContainText(says);
  };
  await tryCode('UT-VOORJAAR-01', 'Deze brief geldt niet meer');
  await checkScreen(page, testInfo, 'invitation-refused');
  await tryCode('ZW-HERSTART-01', 'andere regio');
  await tryCode('UT46-AB12CD', 'Deze code kennen we niet');
  await tryCode('<script>', 'Dit lijkt geen code');
  // 200 characters from a scanner that went wrong: the field takes 60, the scanner burst all 200.
  await page.locator('#screen-title').focus();
  await page.keyboard.type(`${'X'.repeat(200)}\n`);
  await expect(page.getByTestId('invitation-refusal')).toContainText('Dit lijkt geen code');
  await page.getByTestId('invitation-home').click();
  await expect(page.getByTestId('home-invitation')).toBeVisible();
  expect(invitationVisits(dataDir)).toEqual(before);
});
