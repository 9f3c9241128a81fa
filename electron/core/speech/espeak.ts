import { spawn } from 'node:child_process';
import { languages, type LanguageCode } from '../../../shared/contract/languages';
import type { SpeechStatus } from '../../../shared/contract/speech-channels';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import { sealWav } from './wav';

export interface EspeakOptions {
  /** The espeak-ng program; a name is looked up on PATH. */
  binary: string;
  /** A sentence takes espeak-ng well under a second; a hung synthesiser must not hold the kiosk's voice. */
  timeoutMs: number;
  /** A sentence of the longest allowed length is about 30 s of audio, some 1.3 MB. */
  maxAudioBytes: number;
  /** Slower than espeak-ng's 175: many visitors listen in their second language. */
  wordsPerMinute: number;
  logger: Logger;
}

export interface Synthesiser {
  status(): Promise<SpeechStatus>;
  /** WAV audio for one sentence; a call still running when the next one starts answers conflict. */
  say(language: LanguageCode, text: string): Promise<{ wav: Buffer; durationMs: number }>;
  /** Ends the synthesis under way, if any. */
  stop(): void;
}

class Replaced extends Error {}
class Missing extends Error {}

interface Run {
  output: Promise<Buffer>;
  replace(): void;
}

/** Text goes in on stdin, never as an argument: what a screen says cannot become an option. */
function run(binary: string, args: readonly string[], input: string, limits: { timeoutMs: number; maxBytes: number }): Run {
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: limits.timeoutMs, killSignal: 'SIGKILL' });
  let replaced = false;
  const output = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        tooLarge = true;
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 500) stderr += chunk.toString('utf8');
    });
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new Missing(binary) : err));
    child.on('close', (code, signal) => {
      if (replaced) reject(new Replaced());
      else if (tooLarge) reject(new Error(`more than ${limits.maxBytes} bytes of audio`));
      else if (signal) reject(new Error(`stopped after ${limits.timeoutMs} ms (${signal})`));
      else if (code !== 0) reject(new Error(`exit code ${code}: ${stderr.trim().slice(0, 200)}`));
      else resolve(Buffer.concat(chunks));
    });
  });
  // A process that died before reading its input would otherwise raise EPIPE as an uncaught error.
  child.stdin.on('error', () => undefined);
  child.stdin.end(input, 'utf8');
  return {
    output,
    replace: () => {
      replaced = true;
      child.kill('SIGKILL');
    },
  };
}

const missingMessage = (binary: string): string => `Reading aloud is not available: ${binary} (espeak-ng) is not installed on this device.`;

/** Which of the visitor languages `espeak-ng --voices` lists, as its language or as one of its others ("(en 2)"). */
export function languagesIn(voiceList: string): LanguageCode[] {
  const listed = new Set<string>();
  for (const line of voiceList.split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (columns[1]) listed.add(columns[1].toLowerCase().split('-')[0] ?? '');
    for (const other of line.matchAll(/\(([a-z]+)[-a-z]* \d+\)/gi)) listed.add((other[1] ?? '').toLowerCase());
  }
  return languages.map((l) => l.code).filter((code) => listed.has(code));
}

/**
 * espeak-ng as the device's own voice, for kiosks whose browser has none (Debian's Chromium).
 * One synthesis at a time: a kiosk reads one screen to one visitor, and a new sentence (the next
 * screen, another tap) makes the one still being made worthless, so it is ended.
 */
export function createEspeak(options: EspeakOptions): Synthesiser {
  const { binary, logger } = options;
  let known: Promise<SpeechStatus> | null = null;
  let current: Run | null = null;

  const probe = async (): Promise<SpeechStatus> => {
    try {
      const list = await run(binary, ['--voices'], '', { timeoutMs: options.timeoutMs, maxBytes: 1_000_000 }).output;
      const found = languagesIn(list.toString('utf8'));
      return { available: found.length > 0, languages: found };
    } catch (err) {
      if (!(err instanceof Missing)) {
        // Asked again next time: a slow start of the machine is not a missing voice.
        known = null;
        logger.warn('espeak-ng did not list its voices', { error: err instanceof Error ? err.message : String(err) });
      }
      return { available: false, languages: [] };
    }
  };

  const status = (): Promise<SpeechStatus> => (known ??= probe());

  return {
    status,
    async say(language, text) {
      const { languages: voices } = await status();
      if (!voices.includes(language)) {
        throw new CoreError('unavailable', voices.length === 0 ? missingMessage(binary) : `There is no ${language} voice on this device.`);
      }
      current?.replace();
      const mine = run(binary, ['-v', language, '-s', String(options.wordsPerMinute), '--stdout'], text, { timeoutMs: options.timeoutMs, maxBytes: options.maxAudioBytes });
      current = mine;
      try {
        return sealWav(await mine.output);
      } catch (err) {
        if (err instanceof Replaced) throw new CoreError('conflict', 'A newer sentence to read aloud replaced this one.');
        if (err instanceof Missing) {
          known = Promise.resolve({ available: false, languages: [] });
          throw new CoreError('unavailable', missingMessage(binary));
        }
        logger.warn('espeak-ng could not read a sentence', { language, chars: text.length, error: err instanceof Error ? err.message : String(err) });
        throw new CoreError('unavailable', 'The device could not read this sentence aloud.');
      } finally {
        if (current === mine) current = null;
      }
    },
    stop() {
      current?.replace();
      current = null;
    },
  };
}
