import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { createSpeechModule } from '../../../electron/core/speech/speech-module';
import ar from '../../../renderer/src/i18n/locales/ar.json';
import en from '../../../renderer/src/i18n/locales/en.json';
import nl from '../../../renderer/src/i18n/locales/nl.json';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import type { BridgeResult } from '../../../shared/contract/errors';
import { speechSentenceMaxChars } from '../../../shared/contract/speech-channels';
import { resourcesDir, tempDir } from '../../support/paths';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

function device(role: 'kiosk' | 'counter'): Core {
  const core = createCore({
    config: DeviceConfigSchema.parse({ role, location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle' }),
    appVersion: '1.0.0',
    resourcesDir,
    dataDir: tempDir('speech'),
    shell: 'browser',
    logger: silentLogger,
  });
  cores.push(core);
  return core;
}
const t = { transport: 'test', client: 'test' } as const;

interface Spoken {
  mime: string;
  audio: string;
  durationMs: number;
}
function spoken(answer: BridgeResult): Spoken {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.result as Spoken;
}

/** What sox makes of the bytes, as a player would: a WAV whose header lies measures 0 s here. */
function soxSeconds(audio: string): number {
  const file = join(tempDir('speech-wav'), 'sentence.wav');
  writeFileSync(file, Buffer.from(audio, 'base64'));
  expect(execFileSync('soxi', ['-t', file], { encoding: 'utf8' }).trim()).toBe('wav');
  return Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());
}

/** The home screen as a visitor hears it: its title, then the whole screen. */
const screens = { nl, en, ar } as const;
function homeScreen(words: (typeof screens)[keyof typeof screens]): { title: string; whole: string } {
  const h = words.home;
  return {
    title: h.title,
    whole: [h.title, h.intro, h.information, h.informationText, h.eligibility, h.eligibilityText, h.voucher, h.voucherText, h.talk, h.talkText].join(' '),
  };
}

describe('the kiosk reads a screen aloud with espeak-ng', () => {
  it('has a voice for every visitor language this machine has one for, Dutch, English and Arabic among them', async () => {
    const status = spoken(await device('kiosk').dispatch('speech.status', {}, t)) as unknown as { available: boolean; languages: string[] };
    expect(status.available).toBe(true);
    expect(status.languages).toEqual(expect.arrayContaining(['nl', 'en', 'ar']));
  });

  for (const language of ['nl', 'en', 'ar'] as const) {
    it(`speaks the home screen in ${language}: WAV that sox reads, longer for the whole screen than for its title, in a plausible time for its text`, async () => {
      const kiosk = device('kiosk');
      const { title, whole } = homeScreen(screens[language]);
      expect(whole.length).toBeLessThanOrEqual(speechSentenceMaxChars);
      const short = spoken(await kiosk.dispatch('speech.say', { language, text: title }, t));
      const long = spoken(await kiosk.dispatch('speech.say', { language, text: whole }, t));
      expect(short.mime).toBe('audio/wav');
      const shortSeconds = soxSeconds(short.audio);
      const longSeconds = soxSeconds(long.audio);
      // The duration the kiosk is told is the audio's own.
      expect(Math.abs(shortSeconds * 1000 - short.durationMs)).toBeLessThan(50);
      expect(Math.abs(longSeconds * 1000 - long.durationMs)).toBeLessThan(50);
      expect(longSeconds).toBeGreaterThan(shortSeconds * 3);
      // At 150 words a minute a character takes some 40 to 100 ms, pauses included.
      for (const [text, seconds] of [[title, shortSeconds], [whole, longSeconds]] as const) {
        const perChar = seconds / [...text].length;
        expect(perChar, text).toBeGreaterThan(0.025);
        expect(perChar, text).toBeLessThan(0.15);
      }
    });
  }

  it('speaks text that looks like an option or a command as text', async () => {
    const kiosk = device('kiosk');
    const answer = spoken(await kiosk.dispatch('speech.say', { language: 'en', text: '--help; $(reboot) -v xx' }, t));
    expect(soxSeconds(answer.audio)).toBeGreaterThan(1);
  });

  it('refuses a language it does not offer, empty or too long text, extra fields, and the counter', async () => {
    const kiosk = device('kiosk');
    for (const input of [
      { language: 'fr', text: 'Bonjour.' },
      { language: 'nl', text: '   ' },
      { language: 'nl', text: 'a'.repeat(speechSentenceMaxChars + 1) },
      { language: 'nl', text: 'Hallo.', voice: 'mb-nl2' },
      { text: 'Hallo.' },
    ]) {
      expect(await kiosk.dispatch('speech.say', input, t), JSON.stringify(input).slice(0, 60)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await device('counter').dispatch('speech.say', { language: 'nl', text: 'Hallo.' }, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('makes one sentence at a time: a second call replaces the first, which says so, and the second is spoken', async () => {
    const kiosk = device('kiosk');
    const [first, second] = await Promise.all([
      kiosk.dispatch('speech.say', { language: 'nl', text: homeScreen(nl).whole }, t),
      kiosk.dispatch('speech.say', { language: 'nl', text: nl.home.talkText }, t),
    ]);
    expect(first).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(soxSeconds(spoken(second).audio)).toBeGreaterThan(1);
    // The kiosk's voice is free again afterwards.
    expect(soxSeconds(spoken(await kiosk.dispatch('speech.say', { language: 'nl', text: nl.home.title }, t)).audio)).toBeGreaterThan(0.5);
  });

  it('without espeak-ng says speech is unavailable instead of failing', async () => {
    const speech = createSpeechModule({ logger: silentLogger, binary: join(tempDir('speech-none'), 'espeak-ng') });
    expect(await speech.handlers['speech.status']({}, t)).toEqual({ available: false, languages: [] });
    await expect(Promise.resolve().then(() => speech.handlers['speech.say']({ language: 'nl', text: 'Hallo.' }, t))).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('gives up on a synthesiser that hangs, and says so', async () => {
    const binary = join(tempDir('speech-hang'), 'espeak-ng');
    writeFileSync(binary, '#!/bin/sh\nif [ "$1" = --voices ]; then echo "Pty Language Age/Gender VoiceName File"; echo " 5  nl  --/M  Dutch  gmw/nl"; exit 0; fi\nexec sleep 30\n');
    chmodSync(binary, 0o755);
    const speech = createSpeechModule({ logger: silentLogger, binary, timeoutMs: 300 });
    expect(await speech.handlers['speech.status']({}, t)).toEqual({ available: true, languages: ['nl'] });
    await expect(Promise.resolve().then(() => speech.handlers['speech.say']({ language: 'nl', text: 'Hallo.' }, t))).rejects.toMatchObject({ code: 'unavailable' });
    await expect(Promise.resolve().then(() => speech.handlers['speech.say']({ language: 'ar', text: 'مرحبا' }, t))).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/no ar voice/) });
  });
});
