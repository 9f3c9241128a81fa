import { expect, test, type Page } from '@playwright/test';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { checkScreen, screenTitle } from './kiosk-helpers';

// The demo kiosk stands in Utrecht Centrum: the partners are Midden-Utrecht's sample services.
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost();
});
test.afterAll(async () => {
  await host?.stop();
});

async function openPage(page: Page, entry: string, id: string, title: string): Promise<void> {
  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-information').click();
  await page.getByTestId(entry).click();
  await page.getByTestId(`page-${id}`).click();
  await expect(screenTitle(page)).toHaveText(title);
}

const partnerKinds = (page: Page) => page.locator('[data-testid="who-else"] [data-partner]').evaluateAll((items) => items.map((item) => item.getAttribute('data-partner')));

test('the pages about benefits, low literacy and debt say who else can help, with a slip to take', async ({ page }, testInfo) => {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();

  await openPage(page, 'topic-work', 'working-with-a-benefit', 'Een uitkering en de voucher');
  await expect(page.getByTestId('who-else')).toBeVisible();
  expect(await partnerKinds(page)).toEqual(['uwv', 'werkplein']);
  await expect(page.locator('[data-testid="who-else"] [data-partner="uwv"]')).toContainText('Utrecht');

  await openPage(page, 'topic-learning', 'help-with-reading-and-writing', 'Hulp bij lezen, schrijven en de computer');
  await expect(page.getByTestId('who-else')).toBeVisible();
  expect(await partnerKinds(page)).toEqual(['taalhuis']);

  await openPage(page, 'info-schemes', 'money-worries-and-debt', 'Geldzorgen en schulden');
  await expect(page.getByTestId('who-else')).toBeVisible();
  expect(await partnerKinds(page)).toEqual(['schuldhulp', 'werkplein']);
  await checkScreen(page, testInfo, 'page-debt-who-else');
  await page.getByTestId('referral-print').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');

  // A page without partners shows none.
  await openPage(page, 'info-schemes', 'schemes-and-money', 'Regelingen en geld voor leren');
  await expect(page.getByTestId('who-else')).toHaveCount(0);
});
