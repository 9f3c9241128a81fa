import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { tempDir } from '../../support/paths';
import type { SpawnedHost } from '../../support/spawn-host';
import { startSim } from '../../support/sync-rig';
import { voucherInput } from '../../support/voucher-input';
import { callInPage, expectNoAxeViolations, setUpDesk, startCounter } from './desk-support';

let host: SpawnedHost | undefined;
let sim: RunningSim | undefined;

test.afterEach(async () => {
  await host?.stop();
  await sim?.close();
  host = sim = undefined;
});

test.use({ viewport: { width: 1440, height: 900 } });

// A request needs the voucher rules of a content pack: demo mode brings the sample one (and runs the
// central-API simulator inside the host).
const withRules = { extra: { demo: true } };

test('a ticket taken from the self-scan shows its areas beside the topic in the queue', async ({ page }) => {
  host = await startCounter(withRules);
  await page.goto(host.url);
  await setUpDesk(page);
  await callInPage(page, 'ticket.take', { topic: 'work', scanAreas: ['R', 'S'] });
  await callInPage(page, 'ticket.take', { topic: 'voucher' });
  await page.keyboard.press('Alt+1');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Zelfscan: Doen en maken, Helpen');
  await expect(rows.nth(2)).not.toContainText('Zelfscan');
  await expectNoAxeViolations(page, 'queue with a self-scan ticket');
  await page.keyboard.press('Alt+N');
  await expect(page.locator('.queue__serving')).toContainText('Zelfscan: Doen en maken, Helpen');
});

test('a keyboard-only walk through the desk: queue, a scanned receipt, identity check, sync status', async ({ page }) => {
  host = await startCounter(withRules);
  await page.goto(host.url);
  await setUpDesk(page);
  // On the counter, calls that act for a visitor come from the desk where someone is signed in.
  for (const topic of ['voucher', 'work']) await callInPage(page, 'ticket.take', { topic });
  // The visitor chose a provider of this region at the kiosk: the desk shows it by name.
  const { reference } = (await callInPage(page, 'voucher.start', { ...voucherInput(4), providerId: 'vechtpaard-loopbaan' })) as { reference: string };

  // The queue: oldest first, call next shown large, then served.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Wachtrij', level: 2 })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('2 personen wachten');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('A001');
  await expect(rows.nth(2)).toContainText('A002');
  await expectNoAxeViolations(page, 'queue');
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('now-serving')).toHaveText('A001');
  await expect(page.getByRole('status')).toHaveText('Nummer A001 is opgeroepen.');
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('status')).toHaveText('Nummer A001 is geholpen.');
  await expect(page.getByTestId('now-serving')).toHaveText('—');
  await expect(page.getByRole('table')).toContainText('1 persoon wacht');
  await expectNoAxeViolations(page, 'queue after serving');

  // A scanner: no field focused, a fast burst of keys and Enter opens the request.
  await page.locator('main').focus();
  await page.keyboard.type(reference.toLowerCase(), { delay: 4 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Aanvraag ${reference}`, level: 2 })).toBeFocused();
  await expect(page.getByTestId('request-facts')).toContainText('Testbezoeker Nummer4');
  await expect(page.getByTestId('request-facts')).toContainText('kiosk (door de bezoeker)');
  await expect(page.getByTestId('request-provider')).toHaveText('Vechtpaard Loopbaanstudio');
  await expectNoAxeViolations(page, 'request');

  // Identity check by keyboard: choose the document, type a BSN with a typo, then the right one.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Identiteitsbewijs')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('111 222 334');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Dit nummer voldoet niet aan de elfproef. Controleer de cijfers.')).toBeVisible();
  await expect(page.getByLabel('BSN')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'request with a BSN error');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`Aanvraag ${reference} is afgerond en staat klaar voor het centrale kantoor.`);
  await expect(page.getByTestId('bsn-masked')).toHaveText('••••••333');
  await expect(page.getByTestId('request-facts')).toContainText('Paspoort');
  await expect(page.locator('body')).not.toContainText('111222333');
  await expectNoAxeViolations(page, 'request completed');

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Verzendstatus', level: 2 })).toBeVisible();
  // What waits on this device and what the demo's central API has, counted.
  await expect(page.getByTestId('sync-facts')).toContainText('Wacht op verzenden');
  await expectNoAxeViolations(page, 'sync status');

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Statistiek', level: 2 })).toBeVisible();
  // Two tickets: small counts are never shown as a number (docs/statistics.md).
  await expect(page.getByTestId('stats-totals')).toContainText('Volgnummers (bezoeken)<5');
  await expect(page.getByRole('region', { name: 'Volgnummers per onderwerp' })).toContainText('Samengevoegd (kleine aantallen)<5');
  await expectNoAxeViolations(page, 'statistics');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Downloaden als CSV' }).press('Enter');
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    return text;
  });
  expect(csv).toMatch(/^day,section,key,count\n/);
  expect(csv).toContain(',ticket-outcome,merged,<5');
  expect(csv).not.toMatch(/,[1-4]\n/);
  expect(csv).not.toContain('Testbezoeker');
  expect(csv).not.toContain(reference);

  // The visitor lost the final receipt printed at completion: print it again, marked as a copy.
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Bonnetjes', level: 2 })).toBeVisible();
  const reprint = page.getByRole('button', { name: `Eindbewijs ${reference} opnieuw printen` });
  await reprint.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`${reference} wordt opnieuw geprint, als kopie.`);
  await expect(page.getByRole('row', { name: new RegExp(`${reference}.*kopie`) })).toHaveCount(1);
  await expectNoAxeViolations(page, 'receipts');

  // A referral slip for the visitor at the desk, by keyboard: tick debt help, print.
  await page.getByRole('checkbox', { name: 'Schuldhulp' }).focus();
  await page.keyboard.press('Space');
  await page.getByTestId('desk-referral-print').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('De verwijsbon wordt geprint.');
  await expect(page.getByRole('cell', { name: 'Verwijsbon', exact: true })).toHaveCount(1);
});

test('cancelling a request with a reason, and an unknown reference', async ({ page }) => {
  host = await startCounter(withRules);
  await page.goto(host.url);
  await setUpDesk(page);
  const { reference } = (await callInPage(page, 'voucher.start', voucherInput(5))) as { reference: string };

  await page.keyboard.press('F2');
  await page.keyboard.type('aaaa aaaa');
  await page.keyboard.press('Enter');
  // The code as the desk reads it, in the message; the field keeps what was typed, marked and focused.
  const field = page.getByRole('searchbox', { name: 'Referentiecode' });
  await expect(page.getByText('Geen aanvraag met code AAAA-AAAA. Controleer de 8 tekens.')).toBeVisible();
  await expect(field).toHaveValue('aaaa aaaa');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();

  await page.keyboard.press('F2');
  await page.keyboard.type(reference);
  await page.keyboard.press('Enter');
  await page.getByLabel('Reden').fill('Bezoeker komt later terug');
  await page.getByLabel('Reden').press('Enter');
  await expect(page.getByRole('status')).toHaveText(`Aanvraag ${reference} is geannuleerd.`);
  await expect(page.getByTestId('request-facts')).toContainText('Bezoeker komt later terug');
  await expect(page.getByRole('button', { name: 'Afronden en versturen' })).toHaveCount(0);
});

interface PrintedPage {
  rootShown: boolean;
  printout: string;
}

test('subject access: show, export, print and erase a visitor\'s data by reference', async ({ page }) => {
  // The central API refuses the visitor's e-mail domain, so the request stays on this device alone.
  sim = await startSim({ faults: { refuseEmailDomain: 'voorbeeld.nl' } });
  const dataDir = tempDir('privacy-counter');
  writeFileSync(join(dataDir, 'enrollment-code'), sim.issueEnrollmentCode());
  host = await startCounter({ dataDir, extra: { centralApiUrl: sim.url, demo: true } });
  // The system print dialog cannot be driven headless: record what the page holds at the moment it prints.
  await page.addInitScript(() => {
    const printed: unknown[] = [];
    Object.assign(window, { printed });
    window.print = () => {
      const sheet = document.querySelector<HTMLElement>('[data-testid="subject-printout"]');
      printed.push({ rootShown: getComputedStyle(document.getElementById('root') as HTMLElement).display !== 'none', printout: sheet?.innerText ?? '' });
    };
  });
  await page.goto(host.url);
  await setUpDesk(page);
  const { reference } = (await callInPage(page, 'voucher.start', voucherInput(6))) as { reference: string };

  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Inzage en wissen', level: 2 })).toBeVisible();
  await page.getByLabel('Referentiecode').last().fill(reference);
  await page.getByLabel('Referentiecode').last().press('Enter');
  await expect(page.getByTestId('privacy-facts')).toContainText('Testbezoeker Nummer6');
  await expect(page.getByTestId('privacy-facts')).toContainText('nee, alleen op dit apparaat');
  await expectNoAxeViolations(page, 'privacy');

  // For the visitor: a file with the printout's words (Dutch labels, Dutch time); for a computer: the JSON.
  const readable = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren als leesbaar bestand' }).click();
  const text = await readFile(String(await (await readable).path()), 'utf8');
  expect((await readable).suggestedFilename()).toBe(`loopbaanwinkel-gegevens-${reference}.txt`);
  for (const words of ['Uw gegevens bij de Loopbaanwinkel', 'Referentie:', reference, 'Testbezoeker Nummer6', 'Wat er met uw aanvraag gebeurde', 'aanvraag gestart', `loopbaanwinkel-gegevens-${reference}.json`]) expect(text).toContain(words);
  expect(text).not.toMatch(/"reference"|createdAt|\d{2}\/\d{2}\/\d{4}/);
  const machine = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren voor een computer (JSON)' }).click();
  expect((await machine).suggestedFilename()).toBe(`loopbaanwinkel-gegevens-${reference}.json`);

  // On paper: the same facts in words for the visitor, and on a printed page nothing of the desk.
  const printed = () => page.evaluate(() => (window as unknown as { printed: PrintedPage[] }).printed);
  await page.getByRole('button', { name: 'Afdrukken voor de bezoeker' }).click();
  await expect(page.getByRole('status')).toHaveText('Het overzicht is naar de printer gestuurd. Geef het alleen aan de bezoeker.');
  const [onScreen] = await printed();
  expect(onScreen?.printout).toContain('Uw gegevens bij de Loopbaanwinkel');
  expect(onScreen?.printout).toContain('Loopbaanwinkel Zwolle');
  expect(onScreen?.printout).toContain('Testbezoeker Nummer6');
  expect(onScreen?.printout).toContain('aanvraag gestart');
  expect(onScreen?.printout).toContain('Nederlands');
  expect(onScreen?.printout).toContain('gegevens als bestand meegegeven');
  expect(onScreen?.printout).toContain('Alleen deze balie heeft uw gegevens.');
  await expect(page.getByTestId('subject-printout')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await page.getByRole('button', { name: 'Afdrukken voor de bezoeker', includeHidden: true }).dispatchEvent('click');
  await expect.poll(async () => (await printed()).length).toBe(2);
  const [, onPaper] = await printed();
  expect(onPaper).toMatchObject({ rootShown: false, printout: expect.stringContaining('Testbezoeker Nummer6') });
  await page.emulateMedia({ media: 'screen' });

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('Reden').fill('Verzoek van de bezoeker');
  await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).click();
  await expect(page.getByRole('status')).toHaveText('De persoonsgegevens zijn gewist.');
  // The erase form is gone; focus is on the next step, never on the page's body.
  await expect(page.getByRole('button', { name: 'Exporteren als leesbaar bestand' })).toBeFocused();
  await expect(page.getByTestId('privacy-facts')).not.toContainText('Testbezoeker');
  await expect(page.locator('.privacy__trail')).toContainText('persoonsgegevens gewist op uw verzoek');
  await expect(page.locator('.privacy__trail')).toContainText('gegevens afgedrukt');
  await expectNoAxeViolations(page, 'privacy after erasing');
});
