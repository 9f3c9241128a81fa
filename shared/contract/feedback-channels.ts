import { z } from 'zod';
import { channel } from './define-channel';

/** The answers to "Hoe was je bezoek?", each a large pictogram on the kiosk. */
export const FeedbackRating = z.enum(['good', 'okay', 'bad']);
export type FeedbackRating = z.infer<typeof FeedbackRating>;

/** What the visit used, so satisfaction is counted per service (never who, never what was asked). */
export const FeedbackService = z.enum(['information', 'check', 'request', 'ticket', 'scan']);
export type FeedbackService = z.infer<typeof FeedbackService>;

export const feedbackChannels = {
  'feedback.give': channel({
    summary: 'Counts one optional answer to "Hoe was je bezoek?" for each service the visit used; a second answer for the same visit is not counted.',
    input: z.strictObject({
      /** A random id the kiosk makes for each visit and forgets at the idle wipe; kept in memory only, to count a visit once. */
      visit: z.uuid(),
      rating: FeedbackRating,
      services: z.array(FeedbackService).max(5),
    }),
    output: z.strictObject({ counted: z.boolean() }),
  }),
} as const;
