import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import config, { chromiumExecutable } from '../../playwright.config';
import { qrPicture, y4mVideo, type QrPicture } from '../support/qr-image';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { invitationVisits } from './invitation-helpers';
import { checkScreen, screenTitle } from './kiosk-helpers';

/**
 * Chromium's fake camera plays a file on a loop from the moment a page opens it: three seconds of
 * a blank page (time to leave the screen before anything is read), then a letter's QR.
 */
const blank: QrPicture = { width: 320, height: 240, luma: new Uint8Array(320 * 240).fill(235) };
const letter = qrPicture('UT45-AB12CD', { scale: 6, width: 320, height: 240 });
const video = join(tempDir('invitation-camera'), 'letter.y4m');
writeFileSync(video, Buffer.concat([y4mVideo(blank, 30), y4mVideo(letter, 20).subarray(y4mVideo(letter, 0).length)]));

test.use({
  launchOptions: {
    executablePath: chromiumExecutable,
    args: [...(config.use?.launchOptions?.args ?? []), '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream'],
  },
});

let host: SpawnedHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = tempDir('invitation-camera-e2e');
  host = await spawnHost(['--data-dir', dataDir]);
});
test.afterAll(async () => {
  await host?.stop();
});

/** Every camera stream the page opened, to see that each one was stopped again. */
async function watchCameras(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const opened: MediaStream[] = [];
    (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams = opened;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      opened.push(stream);
      return stream;
    };
  });
}

function cameras(page: Page): Promise<{ live: number; opened: number; audio: number }> {
  return page.evaluate(() => {
    const streams = (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams;
    const tracks = streams.flatMap((stream) => stream.getTracks());
    return { opened: streams.length, live: tracks.filter((track) => track.readyState === 'live').length, audio: tracks.filter((track) => track.kind === 'audio').length };
  });
}

async function openInvitation(page: Page): Promise<void> {
  await watchCameras(page);
  await page.goto(await host.fresh());
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByTestId('home-invitation').click();
  await expect(screenTitle(page)).toHaveText('Je uitnodiging');
}

test('a letter held to the camera: read in the kiosk, only the code sent, the camera off again', async ({ page }, testInfo) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') sent.push(request.postData() ?? '');
  });
  await openInvitation(page);
  await page.getByTestId('invitation-camera-start').click();
  await expect(page.getByTestId('invitation-camera-privacy')).toHaveText('De camera zoekt alleen de code. We bewaren geen foto en sturen niets weg.');
  await checkScreen(page, testInfo, 'invitation-camera');
  await expect(screenTitle(page)).toHaveText('Je bent uitgenodigd voor een gratis loopbaangesprek', { timeout: 20_000 });
  await expect(page.getByTestId('invitation-welcome')).toContainText('Dit jaar word je 45');
  expect(await cameras(page)).toEqual({ opened: 1, live: 0, audio: 0 });
  await expect(page.locator('video')).toHaveCount(0);
  expect(invitationVisits(dataDir)).toEqual([{ campaign: 'utrecht-45-2026', visits: 1 }]);
  // The one call the camera caused carries the code and the language: no picture left the page.
  const checks = sent.filter((body) => body.includes('UT45-AB12CD'));
  expect(checks).toHaveLength(1);
  expect(JSON.parse(checks[0] ?? '{}')).toEqual({ code: 'UT45-AB12CD', language: 'nl' });
  for (const body of sent) expect(body.length, body.slice(0, 80)).toBeLessThan(2_000);
});

test('the camera stops when the visitor turns it off, goes back, or erases the visit', async ({ page }) => {
  await openInvitation(page);
  const before = invitationVisits(dataDir);
  await page.getByTestId('invitation-camera-start').click();
  await expect(page.locator('video')).toHaveCount(1);
  await expect.poll(async () => (await cameras(page)).live).toBe(1);
  await page.getByTestId('invitation-camera-stop').click();
  await expect.poll(async () => (await cameras(page)).live).toBe(0);
  await expect(page.getByTestId('invitation-camera-start')).toBeVisible();

  await page.getByTestId('invitation-camera-start').click();
  await expect.poll(async () => (await cameras(page)).live).toBe(1);
  await page.locator('[data-tool="back"]').click();
  await expect(page.getByTestId('home-invitation')).toBeVisible();
  await expect.poll(async () => (await cameras(page)).live).toBe(0);

  // "Stop en wis" ends the visit exactly as the idle wipe does (the same erase, a new visit tree).
  await page.getByTestId('home-invitation').click();
  await page.getByTestId('invitation-camera-start').click();
  await expect.poll(async () => (await cameras(page)).live).toBe(1);
  await page.locator('[data-tool="stop"]').click();
  await page.getByRole('button', { name: 'Ja, stop en wis alles' }).click();
  await expect(screenTitle(page)).toHaveText('Welkom bij de Loopbaanwinkel');
  await expect.poll(async () => (await cameras(page)).live).toBe(0);
  expect(await cameras(page)).toMatchObject({ opened: 3, audio: 0 });
  expect(invitationVisits(dataDir)).toEqual(before);
});
