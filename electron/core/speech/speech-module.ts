import type { speechChannels } from '../../../shared/contract/speech-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import { createEspeak, type EspeakOptions } from './espeak';

export interface SpeechModule extends Capability {
  readonly handlers: HandlersFor<typeof speechChannels>;
}

export const defaultSpeechOptions = { binary: 'espeak-ng', timeoutMs: 10_000, maxAudioBytes: 4_000_000, wordsPerMinute: 150 } as const;

/**
 * Read-aloud where the browser has no voice (EN 301 549 5.1.3: a closed terminal speaks): the
 * kiosk sends the screen one sentence at a time and plays the audio itself. Nothing is stored;
 * the text lives as long as the call.
 */
export function createSpeechModule(deps: { logger: Logger } & Partial<Omit<EspeakOptions, 'logger'>>): SpeechModule {
  const espeak = createEspeak({ ...defaultSpeechOptions, ...deps });
  return {
    name: 'speech',
    handlers: {
      'speech.status': () => espeak.status(),
      'speech.say': async ({ language, text }) => {
        const { wav, durationMs } = await espeak.say(language, text);
        return { mime: 'audio/wav' as const, audio: wav.toString('base64'), durationMs };
      },
    },
    close: () => espeak.stop(),
  };
}
