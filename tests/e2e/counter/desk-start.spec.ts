import { expect, test, type Locator, type Page } from '@playwright/test';
import type { SpawnedHost } from '../../support/spawn-host';
import { expectNoAxeViolations, setUpDesk, startCounter } from './desk-support';

let host: SpawnedHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test.use({ viewport: { width: 1440, height: 900 } });

/** Tabs forward (the keyboard only) until `target` has focus. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('target not reached within 30 tabs');
}

test('a walk-in at the desk: a new request on one form, by keyboard only, refused until complete, then completed in one go', async ({ page }) => {
  // Demo mode installs the sample content pack: the voucher rules and the providers.
  host = await startCounter({ extra: { demo: true } });
  await page.goto(host.url);
  await setUpDesk(page);

  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Nieuwe aanvraag aan de balie', level: 2 })).toBeFocused();
  await expect(page.getByTestId('new-request-form')).toBeVisible();
  await expectNoAxeViolations(page, 'new request');

  // The first two questions, then Enter in a text field: the form names what is missing.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Wat is je geboortedatum?')).toBeFocused();
  await page.keyboard.type('14-03-1985');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'Woon je in Nederland?' }).getByLabel('Ja')).toBeChecked();
  await expect(page.getByTestId('outcome-preview')).toHaveText('Uitkomst tot nu toe: nog niet compleet');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Sommige gegevens kloppen niet. Kijk de gemarkeerde velden na.');
  await expect(page.getByText('Kies een traject.')).toBeVisible();
  await expect(page.getByText('Vul de naam van de bezoeker in.')).toBeVisible();
  await expect(page.getByText('Vul een e-mailadres of een telefoonnummer in.')).toBeVisible();
  await expect(page.getByText('Vink aan dat de bezoeker akkoord is.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Traject')).toBeFocused();
  await expectNoAxeViolations(page, 'new request with errors');

  // Trajectory and provider, contact, the visitor's language and consent.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Traject')).toHaveValue('ontwikkeladvies');
  // The providers of the region that offer it (the sample pack has two in Zwolle).
  await expect(page.getByLabel('Aanbieder').locator('option')).not.toHaveCount(1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Aanbieder')).not.toHaveValue('');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Baliebezoeker Walkin');
  await page.keyboard.press('Tab');
  await page.keyboard.type('walkin@voorbeeld.nl');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Taal van de bezoeker')).toHaveValue('en');
  await expect(page.getByTestId('consent-text')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('De bezoeker is akkoord met deze tekst.')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Aanvraag starten' }));
  await page.keyboard.press('Enter');

  // The core runs the rules: the check is not complete, and it says at which question.
  const hadVoucher = page.getByRole('group', { name: 'Heb je eerder een loopbaanvoucher gehad?' });
  await expect(hadVoucher).toContainText('Beantwoord deze vraag. De controle heeft het antwoord nodig.');
  await expect(hadVoucher.getByLabel('Ja')).toBeFocused();
  await expectNoAxeViolations(page, 'new request refused by the core');
  await page.keyboard.press('ArrowRight');
  await expect(hadVoucher.getByLabel('Nee')).toBeChecked();
  for (const question of ['Ben je nu bezig met een traject van een loopbaanvoucher?', 'Krijg je nu een uitkering?']) {
    const group = page.getByRole('group', { name: question });
    await tabTo(page, group.getByLabel('Ja'));
    await page.keyboard.press('ArrowRight');
    await expect(group.getByLabel('Nee')).toBeChecked();
  }
  await expect(page.getByTestId('outcome-preview')).toHaveText('Uitkomst tot nu toe: waarschijnlijk recht');
  await tabTo(page, page.getByRole('button', { name: 'Aanvraag starten' }));
  await page.keyboard.press('Enter');

  // Started: straight on to the identity check, with the document field focused.
  await expect(page.getByRole('status')).toHaveText(/^Aanvraag [A-Z0-9]{4}-[A-Z0-9]{4} is gestart\. Controleer nu het identiteitsbewijs en het BSN\.$/);
  const reference = /Aanvraag (\S+) is gestart/.exec((await page.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  await expect(page.getByTestId('request-facts')).toContainText('balie (door een medewerker)');
  await expect(page.getByTestId('request-facts')).toContainText('Baliebezoeker Walkin');
  await expect(page.getByTestId('request-facts')).toContainText('waarschijnlijk recht');
  await expect(page.getByLabel('Identiteitsbewijs')).toBeFocused();
  await expectNoAxeViolations(page, 'new request started');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('111222333');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`Aanvraag ${reference} is afgerond en staat klaar voor het centrale kantoor.`);
  await expect(page.getByTestId('bsn-masked')).toHaveText('••••••333');

  // The same reference opens the request again, marked as started at the desk.
  await page.keyboard.press('F2');
  await page.keyboard.type(reference);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-origin')).toHaveText('balie (door een medewerker)');

  // The entry in the request view, by keyboard as well as by F3.
  await tabTo(page, page.getByRole('button', { name: 'Nieuwe aanvraag F3' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nieuwe aanvraag aan de balie', level: 2 })).toBeFocused();
});
