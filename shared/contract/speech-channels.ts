import { z } from 'zod';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

/**
 * One sentence at a time: the kiosk highlights what is being read, and the first sentence plays
 * while the next is made. A longer piece is not a sentence a visitor can follow, and a screen's
 * text sent whole would keep the synthesiser busy for a minute.
 */
export const speechSentenceMaxChars = 400;

export const SpeechStatusSchema = z.strictObject({
  /** False where the device has no synthesiser (espeak-ng not installed): the kiosk then needs a browser voice. */
  available: z.boolean(),
  /** The visitor languages the device's synthesiser has a voice for. */
  languages: z.array(LanguageCode),
});
export type SpeechStatus = z.infer<typeof SpeechStatusSchema>;

const kioskOnly = { devices: ['kiosk'] } as const;

export const speechChannels = {
  'speech.status': channel({
    summary: 'Whether the device itself can read text aloud, and in which visitor languages; asked when the kiosk starts a visit.',
    input: z.strictObject({}),
    output: SpeechStatusSchema,
    access: kioskOnly,
    passive: true,
  }),
  'speech.say': channel({
    summary:
      'Speaks one sentence of the screen in a visitor language: WAV audio, base64. One at a time per device; a new sentence replaces one still being made (that call answers conflict).',
    input: z.strictObject({
      language: LanguageCode,
      text: z.string().trim().min(1).max(speechSentenceMaxChars),
    }),
    output: z.strictObject({
      mime: z.literal('audio/wav'),
      audio: z.base64(),
      durationMs: z.number().int().nonnegative(),
    }),
    access: kioskOnly,
  }),
} as const;
