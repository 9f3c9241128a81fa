import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';

/**
 * Language of parts (WCAG 3.1.2) on the Arabic screens: text in another language (a Dutch name or
 * address, or a fallback where a pack has no Arabic) must carry its own lang and dir, or a screen reader reads English with an
 * Arabic voice and the question mark lands on the wrong side.
 */
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('kiosk-language-of-parts')]);
});
test.afterAll(async () => {
  await host?.stop();
});

/** Elements in the content area whose own text is mostly Latin letters but whose language is still Arabic. */
async function latinWithoutLang(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const latin = (text.match(/[A-Za-zÀ-ÿ]/g) ?? []).length;
      const arabic = (text.match(/[\u0600-\u06ff]/g) ?? []).length;
      const element = node.parentElement;
      if (!element || latin <= arabic || latin < 3) continue;
      if ((element.closest('[lang]')?.getAttribute('lang') ?? '') === 'ar') found.push(`${element.tagName.toLowerCase()}: "${text.trim().slice(0, 50)}"`);
    }
    return found;
  });
}

/** Answers the check as an adult who may get a voucher, with the Arabic buttons; `check` runs on each yes/no question. */
async function answerEligible(page: Page, check: (question: string) => Promise<void>): Promise<void> {
  const [day, month, year] = await page.locator('.date-fields input').all();
  await day?.fill('15');
  await month?.fill('6');
  await year?.fill('1980');
  await page.locator('form button[type="submit"]').click();
  for (const question of ['livesInNetherlands', 'hadVoucher', 'openTrajectory', 'hasBenefit']) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    await check(question);
    const [yes, no] = await page.locator('.answers button').all();
    await (question === 'livesInNetherlands' ? yes : no)?.click();
  }
}

test('Arabic: eligibility questions and outcome, information menu, topic and page: no Latin text without its own lang', async ({ page }) => {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.getByTestId('home-eligibility').click();
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
  const problems: string[] = [];
  const check = async (where: string): Promise<void> => {
    for (const p of await latinWithoutLang(page)) problems.push(`${where}: ${p}`);
  };
  await check('birth date');
  await answerEligible(page, check);
  await expect(page.locator('[data-screen="eligibility-result"][data-outcome="eligible"]')).toBeVisible();
  await check('result');
  const heading = page.locator('#screen-title');

  await page.locator('[data-tool="home"]').click();
  await page.getByTestId('home-information').click();
  await expect(page.getByTestId('topic-voucher')).toBeVisible();
  await check('information menu');
  await page.getByTestId('topic-voucher').click();
  await expect(page.locator('[data-screen="information-topic"] .tile').first()).toBeVisible();
  await check('information topic');
  await page.locator('[data-screen="information-topic"] .tile').first().click();
  await expect(page.locator('[data-screen="information-page"] .prose p').first()).toBeVisible();
  await check('information page');
  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-schemes').click();
  await expect(page.locator('[data-screen="information-schemes"] .tile').first()).toBeVisible();
  await check('schemes');
  await page.locator('[data-screen="information-schemes"] .tile').first().click();
  await expect(page.locator('[data-screen="information-scheme"] dl')).toBeVisible();
  await check('scheme');
  await page.locator('[data-tool="back"]').click();
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('info-work').click();
  await expect(page.getByTestId('chart-growing')).toBeVisible();
  await check('work');
  await page.locator('[data-tool="back"]').click();
  await page.getByTestId('topic-voucher').click();
  await page.locator('[data-screen="information-topic"] .tile').first().click();
  expect(problems).toEqual([]);
  // The sample pack is complete in Arabic: the page's heading is Arabic and takes the page's language
  // (fallback text getting its own lang and dir is tested in tests/unit/localized-text.test.ts).
  await expect(heading).toHaveText(/[\u0600-\u06ff]/);
  await expect(heading).not.toHaveAttribute('lang', /.+/);
});

test('Arabic: the providers, a provider page and the request with a chosen provider mark Dutch names, addresses and quality marks as Dutch', async ({ page }) => {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const problems: string[] = [];
  const check = async (where: string): Promise<void> => {
    for (const p of await latinWithoutLang(page)) problems.push(`${where}: ${p}`);
  };
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-providers').click();
  await expect(page.locator('[data-screen="information-providers"] .tile').first()).toBeVisible();
  await check('providers');
  await page.getByTestId('provider-domtorenvalk').click();
  await expect(page.getByTestId('marks-explained')).toBeVisible();
  await check('provider page');
  const title = page.locator('#screen-title');
  await expect(title).toHaveAttribute('lang', 'nl');
  await expect(title).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('provider-choose').click();
  await expect(page.getByTestId('check-for-provider')).toBeVisible();
  await check('check first, for the chosen provider');
  // Straight to the request's own provider step and its summary (the check is tested above).
  await page.getByTestId('eligibility-begin').click();
  await expect(page.locator('[data-question="birthDate"]')).toBeVisible();
  await answerEligible(page, async () => {});
  await page.getByTestId('result-request').click();
  await expect(page.getByTestId('chosen-provider')).toBeVisible();
  await check('trajectory with a chosen provider');
  await page.getByTestId('trajectory-loopbaan-apk').click();
  await expect(page.getByTestId('provider-keep')).toBeVisible();
  await expect(page.locator('[data-testid^="choose-provider-"]').first()).toBeVisible();
  await check('provider step');
  expect(problems).toEqual([]);
});
