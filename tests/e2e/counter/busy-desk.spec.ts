import { rawDailyStats } from '../../support/raw-stats';
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { formatDate, formatDateTime } from '../../../shared/domain/location-time';
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

// A busy hour at 1920x1080, keyboard only, on a PC whose browser is set to another time zone: the
// desk still shows the location's Dutch time.
test.use({ viewport: { width: 1920, height: 1080 }, timezoneId: 'America/New_York' });

// The sample pack: its topics name the queue's tickets.
const withPack = { extra: { demo: true } };

const serving = (page: Page) => page.getByTestId('now-serving');
const numberOn = async (page: Page): Promise<string> => (await serving(page).textContent()) ?? '';

test('two desks at one hub: every call gets a ticket of its own, and nobody is left without an outcome', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const dataDir = tempDir('busy-desk');
  host = await startCounter({ ...withPack, dataDir });
  await page.goto(host.url);
  await setUpDesk(page);
  await callInPage(page, 'staff.add', { displayName: 'Bram Jansen', username: 'bram', pin: '730164', role: 'staff' });
  for (const topic of ['voucher', 'work', 'learning', 'other', 'money', 'voucher']) await callInPage(page, 'ticket.take', { topic });

  // A topic the pack does not have is refused by the core, whatever a screen sends.
  const refused = await page.evaluate(async () => {
    const r = await fetch('/api/ticket.take', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ topic: 'werk' }) });
    return { status: r.status, body: (await r.json()) as { error: { message: string } } };
  });
  expect(refused).toMatchObject({ status: 400, body: { error: { message: 'The content pack has no topic "werk".' } } });

  const bram = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await bram.goto(await host.nextUrl());
  await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Aanmelden aan de balie');
  await bram.keyboard.type('bram');
  await bram.keyboard.press('Tab');
  await bram.keyboard.type('730164');
  await bram.keyboard.press('Enter');
  await expect(bram.getByText('Bram Jansen (medewerker)')).toBeVisible();

  const desks = [page, bram];
  for (const desk of desks) await desk.keyboard.press('Alt+1');
  // The pack's words for the topics, never their slugs.
  const table = page.getByRole('table');
  await expect(table).toContainText('6 personen wachten');
  for (const words of ['De loopbaanvoucher', 'Werk en inkomen', 'Leren en taal', 'Iets anders', 'Regelingen en geld']) await expect(table).toContainText(words);
  await expect(table).not.toContainText('learning');

  // Both press Alt+N in the same moment: two different visitors.
  await Promise.all(desks.map((d) => d.keyboard.press('Alt+N')));
  for (const d of desks) await expect(serving(d)).toHaveText(/^A00[12]$/);
  const first = await Promise.all(desks.map(numberOn));
  expect(new Set(first)).toEqual(new Set(['A001', 'A002']));
  // Focus is on the next likely step: the outcome of the visitor just called.
  await expect(page.getByRole('button', { name: 'Geholpen Alt+S' })).toBeFocused();

  // Alt+N again without an outcome asks for it first, one key each; Esc goes back.
  await page.keyboard.press('Alt+N');
  const question = page.getByTestId('outcome-question');
  await expect(question).toContainText(`Eerst nummer ${first[0]}: is deze bezoeker geholpen?`);
  await expect(page.getByRole('button', { name: 'Geholpen, dan de volgende S' })).toBeFocused();
  await expectNoAxeViolations(page, 'the outcome question');
  await expect(page.getByRole('button', { name: 'Nog niet, terug Esc' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Volgende bezoeker Alt+N' })).toBeFocused();
  await expect(serving(page)).toHaveText(String(first[0]));
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('x');
  await expect(page.getByRole('status')).toHaveText(`Nummer ${first[0]} is niet verschenen. Nummer A003 is opgeroepen.`);
  await expect(serving(page)).toHaveText('A003');

  // Two more rounds at both desks at once: Alt+N, then S for "served" at the same moment.
  const called = new Set([...first, 'A003']);
  for (let round = 0; round < 2; round++) {
    const before = await Promise.all(desks.map(numberOn));
    for (const d of desks) {
      await d.keyboard.press('Alt+N');
      await expect(d.getByTestId('outcome-question')).toBeVisible();
    }
    await Promise.all(desks.map((d) => d.keyboard.press('s')));
    for (const [i, d] of desks.entries()) await expect(serving(d)).not.toHaveText(String(before[i]));
    for (const n of await Promise.all(desks.map(numberOn))) if (n !== '—') called.add(n);
  }
  // Six tickets, each called exactly once; the desk that found nobody says so.
  expect([...called].sort()).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A006']);
  const idle = desks[(await Promise.all(desks.map(numberOn))).indexOf('—')];
  await expect(idle?.getByRole('status') ?? page.getByRole('status')).toContainText('Er wacht niemand.');
  const busy = desks.find((d) => d !== idle) ?? page;
  await busy.keyboard.press('Alt+S');
  await expect(serving(busy)).toHaveText('—');
  await expect(busy.getByRole('button', { name: 'Volgende bezoeker Alt+N' })).toBeFocused();

  // The day's numbers: every ticket has its outcome, none is "called" without one.
  await page.keyboard.press('Alt+4');
  const outcomes = page.getByRole('region', { name: 'Hoe volgnummers afliepen' });
  // Six tickets: on screen the small cells merge (docs/statistics.md), and none reads "opgeroepen".
  await expect(outcomes).toContainText('Samengevoegd (kleine aantallen)6');
  await expect(outcomes).not.toContainText('opgeroepen');
  const { day } = await callInPage(page, 'stats.daily', {});
  const counted = rawDailyStats(dataDir, String(day)).ticketOutcomes;
  expect(counted.map((c) => c.key).sort()).toEqual(['no-show', 'served']);
  expect(counted.reduce((n, c) => n + c.count, 0)).toBe(6);
  await expectNoAxeViolations(page, 'statistics after a busy hour');
  await bram.close();
});

test('codes as people read them aloud, a precise error that keeps what was typed, and the completion confirmed on paper', async ({ page }) => {
  test.setTimeout(60_000);
  host = await startCounter(withPack);
  await page.goto(host.url);
  await setUpDesk(page);
  const { reference } = (await callInPage(page, 'voucher.start', voucherInput(3))) as { reference: string };
  const spoken = `${reference.slice(0, 4)} ${reference.slice(5)}`.toLowerCase();
  const field = page.getByRole('searchbox', { name: 'Referentiecode' });

  // Seven characters: said what is wrong, the text stays, the field is marked and focused.
  await page.keyboard.press('F2');
  await page.keyboard.type(spoken.slice(0, -1));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Een code heeft 8 tekens, zoals K7QD-M3XA. U typte er 7. Controleer de code.')).toBeVisible();
  await expect(field).toHaveValue(spoken.slice(0, -1));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expectNoAxeViolations(page, 'a code with a character missing');

  // A code nobody has, typed without the dash and in lower case.
  await page.keyboard.press('F2');
  await page.keyboard.type('7uw9y7cj');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Geen aanvraag met code 7UW9-Y7CJ. Controleer de 8 tekens.')).toBeVisible();
  await expect(field).toHaveValue('7uw9y7cj');
  await expect(field).toBeFocused();

  // As it is read aloud: lower case with a space. F2 selected the old text, so this replaces it.
  await page.keyboard.press('F2');
  await page.keyboard.type(spoken);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Aanvraag ${reference}`, level: 2 })).toBeFocused();
  await expect(field).toHaveValue('');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  // The start time in Dutch time and form, though the browser is in New York.
  const request = (await callInPage(page, 'request.find', { reference })) as { createdAt: string };
  await expect(page.getByTestId('request-facts')).toContainText(formatDateTime(request.createdAt));

  // The identity check with the document forgotten: focus goes to the field in error.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('111222333');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Identiteitsbewijs')).toBeFocused();
  await expect(page.getByLabel('Identiteitsbewijs')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`Aanvraag ${reference} is afgerond en staat klaar voor het centrale kantoor.`);
  // Focus on the next likely step, never on the body; the paper is confirmed, with a reprint.
  await expect(page.getByRole('button', { name: 'Nieuwe aanvraag F3' })).toBeFocused();
  const receipt = page.getByTestId('final-receipt');
  await expect(receipt).toContainText('Het eindbewijs is geprint. Geef het aan de bezoeker.');
  await expectNoAxeViolations(page, 'request completed with its receipt');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Eindbewijs opnieuw printen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(receipt).toContainText('Het eindbewijs is geprint.');

  // The receipts list: a part of the code as typed, one kind, one day in Dutch form.
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Bonnetjes', level: 2 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Code of nummer')).toBeFocused();
  await page.keyboard.type(reference.slice(0, 4).toLowerCase());
  const rows = page.getByRole('table').getByRole('row');
  // The visitor's receipt, the final receipt and its copy: nothing of other codes.
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('table')).toContainText('Eindbewijs (kopie)');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Wat')).toHaveValue('final-receipt');
  await expect(rows).toHaveCount(3);
  const jobs = ((await callInPage(page, 'print.recent', { kind: 'final-receipt' })).jobs as Array<{ createdAt: string }>).map((j) => j.createdAt);
  await expect(rows.nth(1)).toContainText(formatDateTime(jobs[0] ?? ''));
  await expect(page.getByRole('table')).not.toContainText(/\d{1,2}\/\d{1,2}\/\d{4}|AM|PM/);
  await page.keyboard.press('Tab');
  await page.keyboard.type('31-02-2026');
  await expect(page.getByText('Typ de dag als dag-maand-jaar, bijvoorbeeld 02-12-2026.')).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('01-01-2020');
  await expect(page.getByText('Geen bonnetjes gevonden. Pas de zoekvelden aan.')).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(formatDate(jobs[0] ?? ''));
  await expect(rows).toHaveCount(3);
  await expectNoAxeViolations(page, 'receipts filtered');

  // The statistics' day in Dutch form, typed the Dutch way.
  await page.keyboard.press('Alt+4');
  const day = page.getByLabel('Dag', { exact: true });
  await expect(day).toHaveValue(formatDate(jobs[0] ?? ''));
  await day.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12/02');
  await page.keyboard.press('Enter');
  await expect(day).toBeFocused();
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12-02-2026');
  await page.keyboard.press('Enter');
  await expect(day).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('stats-totals')).toHaveText(/Volgnummers \(bezoeken\)\s*0\s*Voucheraanvragen\s*0/);
  await expectNoAxeViolations(page, 'statistics of another day');
});

test('a refusal of the central API in Dutch with what to do, its own words folded away', async ({ page }) => {
  test.setTimeout(60_000);
  sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
  const dataDir = tempDir('busy-desk-attention');
  writeFileSync(join(dataDir, 'enrollment-code'), sim.issueEnrollmentCode());
  host = await startCounter({ dataDir, extra: { centralApiUrl: sim.url, demo: true } });
  await page.goto(host.url);
  await setUpDesk(page);
  const input = voucherInput(8);
  await callInPage(page, 'voucher.start', { ...input, contact: { ...input.contact, email: 'bezoeker8@bounces.example' } });
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: '1 item vraagt aandacht' })).toBeVisible({ timeout: 15_000 });
  const sentence = page.getByTestId('problem-sentence');
  await expect(sentence).toContainText('Het centrale kantoor neemt de aanvraag niet aan omdat een gegeven niet klopt');
  await expect(sentence).toContainText('Kies Gegevens aanpassen');
  const technical = sentence.getByText(/cannot receive mail/);
  await expect(technical).toBeHidden();
  await expectNoAxeViolations(page, 'a refusal in Dutch');
  // The technical text opens by keyboard for IT.
  await sentence.getByText('Technische melding (voor IT)').focus();
  await page.keyboard.press('Enter');
  await expect(technical).toBeVisible();
  await expect(technical).toHaveAttribute('lang', 'en');
});
