import { expect, test } from '@playwright/test';
import type { SpawnedHost } from '../../support/spawn-host';
import { expectNoAxeViolations, manager, setUpDesk, startCounter } from './desk-support';

let host: SpawnedHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test.use({ viewport: { width: 1440, height: 900 } });

test('first-run setup, staff admin, sign-out and sign-in by keyboard only; every screen passes axe', async ({ page }) => {
  host = await startCounter();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze balie inrichten');
  await expectNoAxeViolations(page, 'setup');

  // A PIN that is too easy is refused in place, with the rule next to the field.
  await page.keyboard.type('Anna de Vries');
  await page.keyboard.press('Tab');
  await page.keyboard.type('anna');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123456');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123456');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Persoonlijke pincode')).toHaveAttribute('aria-invalid', 'true');
  // Enter was pressed in the repeat field; the error is in the PIN field, so focus goes there.
  await expect(page.getByLabel('Persoonlijke pincode')).toBeFocused();
  await expectNoAxeViolations(page, 'setup with errors');
  await page.reload();
  await setUpDesk(page);

  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Medewerkers', level: 2 })).toBeVisible();
  await expectNoAxeViolations(page, 'staff admin');
  await page.getByLabel('Naam', { exact: true }).focus();
  await page.keyboard.type('Bram Jansen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('bram');
  await page.keyboard.press('Tab');
  await page.keyboard.type('739164');
  await page.keyboard.press('Tab');
  // The repeat differs: refused at the repeat field, which gets the focus.
  await page.keyboard.type('739165');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Herhaal de pincode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Herhaal de pincode')).toBeFocused();
  await expectNoAxeViolations(page, 'staff admin with a PIN mismatch');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Bram Jansen is toegevoegd.');
  // The manager's own row has no actions: its cell says so and stays in the table's grid.
  const cells = (row: string) => page.getByRole('row', { name: new RegExp(row) }).getByRole('cell');
  await expect(cells('Anna de Vries')).toHaveCount(5);
  await expect(cells('Anna de Vries').nth(4)).toHaveText('uw eigen account');
  const left = async (row: string) => (await cells(row).nth(4).boundingBox())?.x;
  expect(await left('Anna de Vries')).toBe(await left('Bram Jansen'));
  await expect(page.getByLabel('Naam', { exact: true })).toBeFocused();
  await expect(page.getByRole('row', { name: /Bram Jansen/ })).toContainText('medewerker');

  await page.keyboard.press('Alt+8');
  await expect(page.getByTestId('device-facts')).toContainText('Loopbaanwinkel Zwolle (zwolle-centrum)');
  await expectNoAxeViolations(page, 'device facts');

  await page.getByRole('button', { name: 'Afmelden' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden aan de balie');
  await expectNoAxeViolations(page, 'sign-in');
  await page.keyboard.type('bram');
  await page.keyboard.press('Tab');
  await page.keyboard.type('739164');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Bram Jansen (medewerker)')).toBeVisible();
  // Staff do not get the staff admin page; the core would refuse it anyway.
  await expect(page.getByRole('button', { name: /Medewerkers/ })).toHaveCount(0);
});

test('five wrong PINs lock the account, in the screen and at the core', async ({ page }) => {
  host = await startCounter();
  await page.goto(host.url);
  await setUpDesk(page);
  await page.getByRole('button', { name: 'Afmelden' }).click();

  const pin = page.getByLabel('Persoonlijke pincode');
  await page.getByLabel('Gebruikersnaam').fill(manager.username);
  for (let i = 0; i < 4; i++) {
    await pin.fill('1029384');
    await pin.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Gebruikersnaam of pincode klopt niet.');
    await expect(pin).toHaveValue('');
  }
  await pin.fill('1029384');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Te vaak een verkeerde pincode. Dit account is geblokkeerd tot');
  await pin.fill(manager.pin);
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toContainText('geblokkeerd tot');
  await expectNoAxeViolations(page, 'sign-in locked');

  const refused = await page.evaluate(async () => {
    const r = await fetch('/api/staff.signIn', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'anna', pin: '482915' }) });
    return (await r.json()) as unknown;
  });
  expect(refused).toMatchObject({ result: { ok: false, reason: 'locked' } });
});

test('the desk locks itself when idle, warns first, and the same PIN opens it again', async ({ page }) => {
  host = await startCounter({ deskAutoLockSeconds: 10 });
  await page.goto(host.url);
  await setUpDesk(page);
  await expect(page.getByRole('alertdialog')).toContainText('De balie wordt zo vergrendeld', { timeout: 8_000 });
  await expectNoAxeViolations(page, 'idle warning');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('De balie is vergrendeld', { timeout: 10_000 });
  await expect(page.getByText('Vergrendeld voor Anna de Vries')).toBeVisible();
  // Focus waits in the PIN field: only the PIN is needed.
  await page.keyboard.type(manager.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${manager.name} (locatiemanager)`)).toBeVisible();
});
