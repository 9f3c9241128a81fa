import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { decodeQr } from '../../renderer/src/kiosk/invitation/qr-decode';
import { decodeTakeHome, encodeTakeHome } from '../../shared/self-scan/explore';
import { resourcesDir, tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { checkScreen, screenTitle } from './kiosk-helpers';

let host: SpawnedHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = tempDir('self-scan-e2e');
  host = await spawnHost(['--data-dir', dataDir]);
});

/** The feedback counts in the host's own database. */
function feedbackRows(): unknown[] {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT service, rating, answers FROM feedback_counts ORDER BY service').all();
  } finally {
    db.close();
  }
}
test.afterAll(async () => {
  await host?.stop();
});

async function start(page: Page, language: 'Nederlands' | 'العربية'): Promise<void> {
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: language }).click();
  await expect(page.getByTestId('home-self-scan')).toBeVisible();
}

function samplePack(): { occupations: { id: string }[] } {
  return JSON.parse(readFileSync(join(resourcesDir, 'content', 'sample', 'pack.json'), 'utf8')) as { occupations: { id: string }[] };
}

/** The pixels of an image on screen, drawn to a canvas at twice its size (as a phone's camera would see it sharply). */
async function rasterised(page: Page, testId: string): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { pixels, width, height } = await page.getByTestId(testId).evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2 || 480;
    canvas.height = img.naturalHeight * 2 || 480;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { pixels: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data), width: canvas.width, height: canvas.height };
  });
  return { data: Uint8ClampedArray.from(pixels), width, height };
}

/** Answers the statement on screen and waits for the next one (or the result). */
async function answer(page: Page, which: 'yes' | 'a-bit' | 'no', step: number): Promise<void> {
  // The step shows in the top area, above the statement.
  await expect(page.locator('[data-screen="self-scan-statement"]')).toBeVisible();
  await expect(page.getByTestId('top-step').locator('.steps__text')).toContainText(String(step));
  await page.getByTestId(`scan-answer-${which}`).click();
}

test('a visitor does the self-scan in Dutch, goes back a step, and sees areas, occupations and a take-home QR', async ({ page }, testInfo) => {
  await start(page, 'Nederlands');
  await page.getByTestId('home-self-scan').click();
  await expect(screenTitle(page)).toHaveText('Ontdek wat bij je past');
  await checkScreen(page, testInfo, 'self-scan-intro');
  await page.getByTestId('self-scan-begin').click();
  await expect(screenTitle(page)).toHaveText('Ik repareer graag dingen.');
  await checkScreen(page, testInfo, 'self-scan-statement');
  // The first four statements are about doing and making, the next four about finding out.
  await answer(page, 'no', 1);
  await page.locator('[data-tool="back"]').click();
  await expect(screenTitle(page)).toHaveText('Ik repareer graag dingen.');
  await expect(page.getByTestId('scan-answer-no')).toHaveAttribute('aria-pressed', 'true');
  for (let i = 1; i <= 24; i++) await answer(page, i <= 4 ? 'yes' : i <= 8 ? 'a-bit' : 'no', i);
  await expect(screenTitle(page)).toHaveText('Dit doe je graag');
  await expect(page.getByTestId('scan-areas')).toContainText('Doen en maken');
  await expect(page.getByTestId('scan-areas')).toContainText('Onderzoeken');
  await expect(page.getByTestId('scan-occupations')).toContainText('Automonteur');
  await expect(page.getByText('Het is geen advies')).toBeVisible();
  await checkScreen(page, testInfo, 'self-scan-result');
  const src = await page.getByTestId('scan-qr').getAttribute('src');
  expect(src).toMatch(/^data:image\/svg\+xml/);
  // Read the QR as a phone would: the picture on screen, rasterised, through the kiosk's own decoder.
  const held = decodeQr(await rasterised(page, 'scan-qr'));
  expect(held).toMatch(/^LBW-SCAN1\/[RIASEC]{1,3}\/[a-z0-9.-]+$/);
  const decoded = decodeTakeHome(held ?? '');
  expect(decoded?.areas.slice(0, 2)).toEqual(['R', 'I']);
  const catalogue = new Set(samplePack().occupations.map((occupation) => occupation.id));
  expect(decoded?.occupations.length).toBeGreaterThan(0);
  for (const id of decoded?.occupations ?? []) expect(catalogue.has(id), id).toBe(true);
  // Nothing else: the text is exactly its areas and ids again, so no answer, time or language rides along.
  expect(held).toBe(encodeTakeHome(decoded?.areas ?? [], decoded?.occupations ?? []));
  await page.getByTestId('scan-print').click();
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-print-state', 'printed');
  // "Klaar" asks one optional question, then ends the visit.
  await page.getByTestId('scan-done').click();
  await expect(screenTitle(page)).toHaveText('Hoe was je bezoek?');
  await checkScreen(page, testInfo, 'feedback');
  await page.getByTestId('feedback-good').click();
  await expect(page.getByRole('button', { name: 'Nederlands' })).toBeVisible();
  expect(feedbackRows()).toEqual([{ service: 'scan', rating: 'good', answers: 1 }]);
});

test('the self-scan in Arabic: Arabic statements, right to left, and no areas when every answer is no', async ({ page }, testInfo) => {
  await start(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('home-self-scan').click();
  await page.getByTestId('self-scan-begin').click();
  await expect(screenTitle(page)).toHaveText('أحب أن أصلح الأشياء.');
  for (let i = 1; i <= 24; i++) await answer(page, 'no', i);
  await expect(screenTitle(page)).toHaveText('ما تحب أن تفعله');
  await expect(page.getByTestId('scan-no-areas')).toBeVisible();
  await checkScreen(page, testInfo, 'self-scan-result-ar');
  // Skipping the question counts nothing.
  await page.getByTestId('scan-done').click();
  await expect(screenTitle(page)).toHaveText('كيف كانت زيارتك؟');
  await checkScreen(page, testInfo, 'feedback-ar');
  await page.getByTestId('feedback-skip').click();
  await expect(page.getByRole('button', { name: 'العربية' })).toBeVisible();
  expect(feedbackRows()).toEqual([{ service: 'scan', rating: 'good', answers: 1 }]);
});

test('"talk to someone about this" takes a ticket that carries the scan\'s areas, never its answers', async ({ page }, testInfo) => {
  await start(page, 'Nederlands');
  await page.getByTestId('home-self-scan').click();
  await page.getByTestId('self-scan-begin').click();
  for (let i = 1; i <= 24; i++) await answer(page, i <= 4 ? 'yes' : i <= 8 ? 'a-bit' : 'no', i);
  await expect(page.getByTestId('scan-areas')).toContainText('Doen en maken');
  await page.getByTestId('scan-talk').click();
  await expect(page.getByTestId('ticket-scan-areas')).toContainText('Doen en maken, Onderzoeken');
  await checkScreen(page, testInfo, 'ticket-topic-after-scan');
  await page.getByTestId('ticket-topic-work').click();
  const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare('SELECT topic, scan_areas FROM tickets WHERE number = ?').all(number)).toEqual([{ topic: 'work', scan_areas: 'RI' }]);
  } finally {
    db.close();
  }
});
