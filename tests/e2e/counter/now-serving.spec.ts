import { expect, test } from '@playwright/test';
import type { SpawnedHost } from '../../support/spawn-host';
import { callInPage, expectNoAxeViolations, setUpDesk, startCounter } from './desk-support';

let host: SpawnedHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('the waiting-room screen shows the number the desk calls, in three languages, and keeps running when the desk locks', async ({ browser, page }) => {
  host = await startCounter();
  await page.goto(host.url);
  await setUpDesk(page);
  // On the counter a ticket is taken for a visitor by the person signed in there.
  for (const topic of ['voucher', 'cv-check', 'voucher']) await callInPage(page, 'ticket.take', { topic });

  const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // A browser of its own, where nobody signs in: the waiting-room screen needs no sign-in.
  await wall.goto(`${await host.nextUrl()}?screen=now-serving`);
  const number = wall.getByTestId('now-serving-number');
  await expect(wall.getByRole('heading', { level: 1 })).toHaveText(/Nu aan de beurt.*Now serving.*الرقم الحالي/);
  await expect(number).toHaveText('—');
  await expect(wall.getByTestId('now-serving-waiting')).toContainText('3 mensen wachten');
  await expectNoAxeViolations(wall, 'waiting-room screen');

  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('now-serving')).toHaveText('A001');
  await expect(number).toHaveText('A001');
  await page.keyboard.press('Alt+S');
  await page.keyboard.press('Alt+N');
  await expect(number).toHaveText('A002');
  await expect(wall.getByTestId('now-serving-before')).toHaveText('A001');
  await expect(wall.getByTestId('now-serving-waiting')).toContainText('1 persoon wacht');

  // Locking the desk signs staff out; the wall keeps its numbers and stays live for the next call.
  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('vergrendeld');
  await wall.reload();
  await expect(number).toHaveText('A002');
  await expect(wall.getByText('Geen verbinding met de balie')).toHaveCount(0);
  await wall.close();
});
