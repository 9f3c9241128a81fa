import { useCallback, useEffect, useState } from 'react';

function voiceFor(language: string): SpeechSynthesisVoice | undefined {
  if (!('speechSynthesis' in window)) return undefined;
  const voices = window.speechSynthesis.getVoices();
  return voices.find((v) => v.lang.toLowerCase().startsWith(language.toLowerCase()));
}

/**
 * Read-aloud through the Web Speech API. `available` is false where the platform has no voice for
 * the visitor's language: the button is then hidden, never shown broken.
 */
export function useSpeech(language: string): { available: boolean; speaking: boolean; speak(text: string): void; stop(): void } {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(() => voiceFor(language));
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    const update = (): void => setVoice(voiceFor(language));
    update();
    window.speechSynthesis.addEventListener('voiceschanged', update);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', update);
  }, [language]);

  const stop = useCallback(() => {
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    setSpeaking(false);
  }, []);

  const speak = useCallback(
    (text: string) => {
      if (!voice) return;
      window.speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
      setSpeaking(true);
      window.speechSynthesis.speak(utterance);
    },
    [voice],
  );

  useEffect(() => stop, [stop, language]);

  return { available: voice !== undefined, speaking, speak, stop };
}
