import type { Bridge } from '../../bridge/bridge-client';
import type { LanguageCode } from '../../../../shared/contract/languages';
import type { ReadingUnit } from './reading-units';

/** A way of speaking: the browser's own voice, or the device's (the core's espeak-ng) played in an <audio> element. */
export interface SpeechVoice {
  /** Resolves when the unit has been heard to its end, or was cancelled; rejects when it cannot be spoken. `next` may be prepared meanwhile. */
  speak(unit: ReadingUnit, next: ReadingUnit | undefined): Promise<void>;
  pause(): void;
  resume(): void;
  cancel(): void;
}

export function browserVoiceFor(language: string): SpeechSynthesisVoice | undefined {
  if (!('speechSynthesis' in window)) return undefined;
  const code = language.toLowerCase();
  return window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(code));
}

/** The Web Speech API: Windows kiosks have SAPI voices there, and they sound better than espeak-ng. */
export function browserVoice(visitorVoice: SpeechSynthesisVoice): SpeechVoice {
  const synth = window.speechSynthesis;
  return {
    speak: (unit) =>
      new Promise((resolve, reject) => {
        const voice = browserVoiceFor(unit.language) ?? visitorVoice;
        const utterance = new SpeechSynthesisUtterance(unit.text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.onend = () => resolve();
        utterance.onerror = (event) => (event.error === 'interrupted' || event.error === 'canceled' ? resolve() : reject(new Error(event.error)));
        synth.speak(utterance);
      }),
    pause: () => synth.pause(),
    resume: () => synth.resume(),
    cancel: () => synth.cancel(),
  };
}

function wavBlob(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/**
 * The device's voice: each sentence is made by the core and played from a blob: URL (the page's
 * CSP allows blob: for media and nothing remote). The next sentence is asked for once this one's
 * audio is here, never alongside it: the core makes one at a time and would end the first.
 */
export function deviceVoice(bridge: Bridge, audio: HTMLAudioElement, languages: readonly LanguageCode[], visitorLanguage: LanguageCode): SpeechVoice {
  const prepared = new Map<ReadingUnit, Promise<Blob>>();
  let url: string | null = null;
  let settle: (() => void) | null = null;
  // Paused while the next sentence was still being made: it waits for "go on" instead of starting.
  let paused = false;
  // Once cancelled, a sentence that arrives late must not ask for the next: that call would end the new reading's.
  let cancelled = false;
  const languageOf = (unit: ReadingUnit): LanguageCode => languages.find((code) => code === unit.language) ?? visitorLanguage;
  const audioFor = (unit: ReadingUnit): Promise<Blob> => {
    const made = prepared.get(unit) ?? bridge.call('speech.say', { language: languageOf(unit), text: unit.text }).then((r) => wavBlob(r.audio, r.mime));
    prepared.set(unit, made);
    return made;
  };
  const release = (): void => {
    audio.pause();
    audio.removeAttribute('src');
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  return {
    async speak(unit, next) {
      const blob = await audioFor(unit);
      if (cancelled) return;
      prepared.delete(unit);
      if (next) audioFor(next).catch(() => undefined);
      release();
      url = URL.createObjectURL(blob);
      audio.src = url;
      await new Promise<void>((resolve, reject) => {
        settle = resolve;
        audio.onended = () => resolve();
        audio.onerror = () => reject(new Error('the audio could not be played'));
        // A pause tapped before the sound began aborts play(): that is a pause, not a failure.
        if (!paused) audio.play().catch((err: unknown) => (err instanceof DOMException && err.name === 'AbortError' ? undefined : reject(err)));
      });
    },
    pause() {
      paused = true;
      audio.pause();
    },
    resume() {
      paused = false;
      if (audio.hasAttribute('src')) audio.play().catch(() => undefined);
    },
    cancel() {
      cancelled = true;
      prepared.clear();
      release();
      settle?.();
      settle = null;
    },
  };
}
