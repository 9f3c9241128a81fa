import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { axeViolations } from './kiosk-helpers';

/**
 * Debian's Chromium has no speech voice: the kiosk reads aloud with the device's espeak-ng, played
 * from blob: URLs in an <audio> element, one sentence at a time, the sentence's element highlighted.
 */
let host: SpawnedHost;
test.beforeAll(async () => {
  host = await spawnHost(['--data-dir', tempDir('kiosk-read-aloud')]);
});
test.afterAll(async () => {
  await host?.stop();
});

interface Played {
  src: string;
  paused: boolean;
  hasSource: boolean;
  plays: number;
}

/** The page's audio as a listener would notice it: what it plays, whether it is playing. */
async function watchAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { audio: HTMLMediaElement | null; sources: string[] } = { audio: null, sources: [] };
    (window as unknown as { __readAloud: typeof seen }).__readAloud = seen;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      seen.audio = this;
      seen.sources.push(this.currentSrc || this.src);
      return play.call(this);
    };
  });
}

function audio(page: Page): Promise<Played> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __readAloud: { audio: HTMLMediaElement | null; sources: string[] } }).__readAloud;
    return { src: seen.sources.at(-1) ?? '', paused: seen.audio?.paused ?? true, hasSource: seen.audio?.hasAttribute('src') ?? false, plays: seen.sources.length };
  });
}

const highlighted = (page: Page) => page.locator('.is-being-read');
const readAloud = (page: Page) => page.locator('[data-tool="read-aloud"]');

async function sentencesAsked(page: Page, run: () => Promise<void>): Promise<Array<{ language: string; text: string }>> {
  const asked: Array<{ language: string; text: string }> = [];
  const listener = (request: { url(): string; postDataJSON(): unknown }) => {
    if (request.url().endsWith('/api/speech.say')) asked.push(request.postDataJSON() as { language: string; text: string });
  };
  page.on('request', listener);
  await run();
  page.off('request', listener);
  return asked;
}

test('without a browser voice the read-aloud button is there, reads the screen sentence by sentence, pauses, goes on and stops', async ({ page }, testInfo) => {
  await watchAudio(page);
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByTestId('home-voucher')).toBeVisible();
  expect(await page.evaluate(() => speechSynthesis.getVoices().length), 'this machine has no browser voice').toBe(0);
  await expect(readAloud(page)).toBeVisible();

  const asked = await sentencesAsked(page, async () => {
    await readAloud(page).click();
    await expect(page.locator('.read-aloud')).toHaveAttribute('data-state', 'playing');
    // The title is read first, from the device's audio, not from anywhere else.
    await expect(highlighted(page)).toHaveText('Waarmee kunnen we je helpen?');
    await expect.poll(async () => (await audio(page)).src).toMatch(/^blob:/);
    expect((await audio(page)).paused).toBe(false);
    // When its audio has been heard to the end, the next sentence is read and marked.
    await expect(highlighted(page)).not.toHaveText('Waarmee kunnen we je helpen?', { timeout: 15_000 });
  });
  expect(asked[0]).toEqual({ language: 'nl', text: 'Waarmee kunnen we je helpen?' });
  expect(asked.length).toBeGreaterThanOrEqual(2);

  await page.getByTestId('read-aloud-pause').click();
  await expect(page.locator('.read-aloud')).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('read-aloud-pause')).toHaveText('Verder');
  await expect.poll(async () => (await audio(page)).paused).toBe(true);
  const pausedOn = await highlighted(page).textContent();
  await page.screenshot({ path: testInfo.outputPath('read-aloud-paused.png') });
  expect(await axeViolations(page), 'axe while paused, a sentence highlighted').toEqual([]);
  await expect(highlighted(page)).toHaveText(pausedOn ?? '');

  await page.getByTestId('read-aloud-pause').click();
  await expect(page.locator('.read-aloud')).toHaveAttribute('data-state', 'playing');
  await expect.poll(async () => (await audio(page)).paused).toBe(false);

  await page.getByTestId('read-aloud-stop').click();
  await expect(page.locator('.read-aloud')).toHaveCount(0);
  await expect(highlighted(page)).toHaveCount(0);
  await expect.poll(async () => audio(page)).toMatchObject({ paused: true, hasSource: false });
  await expect(readAloud(page)).toBeFocused();
  await expect(readAloud(page)).toHaveAttribute('aria-pressed', 'false');
});

test('a new screen and the end of a visit stop the reading', async ({ page }) => {
  await watchAudio(page);
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await readAloud(page).click();
  await expect.poll(async () => (await audio(page)).paused).toBe(false);

  await page.getByTestId('home-voucher').click();
  await expect(page.locator('.read-aloud')).toHaveCount(0);
  await expect(highlighted(page)).toHaveCount(0);
  await expect.poll(async () => (await audio(page)).paused).toBe(true);

  await readAloud(page).click();
  await expect.poll(async () => (await audio(page)).paused).toBe(false);
  await page.locator('[data-tool="stop"]').click();
  await page.locator('dialog[open]').getByRole('button', { name: /wis/i }).first().click();
  await expect(page.getByRole('button', { name: 'Nederlands' })).toBeVisible();
  await expect.poll(async () => audio(page)).toMatchObject({ paused: true, hasSource: false });
  await expect(highlighted(page)).toHaveCount(0);
});

test("an Arabic visitor hears the screen in Arabic, from the device's voice", async ({ page }) => {
  await watchAudio(page);
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const asked = await sentencesAsked(page, async () => {
    await readAloud(page).click();
    await expect(highlighted(page)).toHaveText('كيف يمكننا مساعدتك؟');
    await expect.poll(async () => (await audio(page)).src).toMatch(/^blob:/);
    await page.getByTestId('read-aloud-stop').click();
  });
  expect(asked[0]).toEqual({ language: 'ar', text: 'كيف يمكننا مساعدتك؟' });
  for (const sentence of asked) expect(['ar', 'nl']).toContain(sentence.language);
});

test('the idle wipe ends the reading with the visit', async ({ page }) => {
  await watchAudio(page);
  await page.clock.install();
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await readAloud(page).click();
  await expect.poll(async () => (await audio(page)).paused).toBe(false);
  await page.clock.fastForward(91_000);
  await expect(page.getByTestId('idle-dialog')).toBeVisible();
  await page.clock.fastForward(31_000);
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
  await expect.poll(async () => audio(page)).toMatchObject({ paused: true, hasSource: false });
  await expect(page.locator('.read-aloud')).toHaveCount(0);
});
