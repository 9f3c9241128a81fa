import { useCallback, useEffect, useRef, useState } from 'react';
import { LanguageCode } from '../../../../shared/contract/languages';
import { speechSentenceMaxChars } from '../../../../shared/contract/speech-channels';
import type { Bridge } from '../../bridge/bridge-client';
import { readingUnits } from './reading-units';
import { browserVoice, browserVoiceFor, deviceVoice, type SpeechVoice } from './voices';

export type ReadingState = 'idle' | 'playing' | 'paused';

export interface Speech {
  available: boolean;
  /** Reading, paused or not: the toolbar's button then stops. */
  speaking: boolean;
  state: ReadingState;
  read(root: HTMLElement): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The element whose sentence is being read carries this class. */
export const readingClass = 'is-being-read';
/** Marks the pause and stop controls: when they go away with the reading, focus goes back to the button that started it. */
export const readingControls = 'data-read-aloud-controls';

/**
 * Read-aloud for every kiosk: a browser voice for the visitor's language where there is one
 * (Windows' SAPI voices), otherwise the device's own voice from the core (espeak-ng; Debian's
 * Chromium has no voice). The button is there when either can speak the visitor's language.
 */
export function useSpeech(language: string, bridge: Bridge): Speech {
  const [browser, setBrowser] = useState<SpeechSynthesisVoice | undefined>(() => browserVoiceFor(language));
  const [device, setDevice] = useState<readonly LanguageCode[]>([]);
  const [state, setState] = useState<ReadingState>('idle');
  const voice = useRef<SpeechVoice | null>(null);
  const reading = useRef(0);
  const highlighted = useRef<HTMLElement | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    const update = (): void => setBrowser(browserVoiceFor(language));
    update();
    window.speechSynthesis.addEventListener('voiceschanged', update);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', update);
  }, [language]);

  useEffect(() => {
    let live = true;
    bridge
      .call('speech.status', {})
      .then((status) => live && setDevice(status.languages))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge]);

  const highlight = (element: HTMLElement | null): void => {
    highlighted.current?.classList.remove(readingClass);
    element?.classList.add(readingClass);
    highlighted.current = element;
  };

  const stop = useCallback(() => {
    reading.current += 1;
    voice.current?.cancel();
    voice.current = null;
    highlight(null);
    if (document.activeElement?.closest(`[${readingControls}]`)) opener.current?.focus();
    setState('idle');
  }, []);

  const visitorLanguage = LanguageCode.safeParse(language);
  const deviceSpeaks = visitorLanguage.success && device.includes(visitorLanguage.data);

  const read = (root: HTMLElement): void => {
    stop();
    const chosen = browser ? browserVoice(browser) : deviceSpeaks && visitorLanguage.success ? deviceVoice(bridge, (audio.current ??= new Audio()), device, visitorLanguage.data) : null;
    if (!chosen) return;
    const units = readingUnits(root, language, speechSentenceMaxChars);
    const mine = reading.current;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    voice.current = chosen;
    setState('playing');
    void (async () => {
      try {
        for (const [index, unit] of units.entries()) {
          if (reading.current !== mine) return;
          highlight(unit.element);
          await chosen.speak(unit, units[index + 1]);
        }
      } catch {
        // A sentence that cannot be spoken ends the reading; the button is ready to start again.
      }
      if (reading.current === mine) stop();
    })();
  };

  const pause = (): void => {
    voice.current?.pause();
    if (voice.current) setState('paused');
  };
  const resume = (): void => {
    voice.current?.resume();
    if (voice.current) setState('playing');
  };

  // A new language, and the end of the visit (the idle wipe unmounts it), end the reading.
  useEffect(() => stop, [stop, language]);

  return { available: browser !== undefined || deviceSpeaks, speaking: state !== 'idle', state, read, pause, resume, stop };
}
