import { z } from 'zod';
import { Trajectory } from '../domain/trajectory';
import { AnswersSchema } from '../eligibility/outcome-schema';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

export const InvitationCheck = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('valid'),
    campaign: z.string(),
    welcome: z.string(),
    paths: z.array(Trajectory),
    /** Eligibility answers the letter gives: the voucher check skips these questions. */
    preAnswers: AnswersSchema,
  }),
  z.strictObject({ status: z.enum(['malformed', 'unknown', 'not-yet-valid', 'expired', 'other-region']) }),
]);
export type InvitationCheck = z.infer<typeof InvitationCheck>;

export const invitationsChannels = {
  'invitation.check': channel({
    summary: 'Checks the code of an invitation letter (typed, scanned or read by the camera) for this kiosk\'s region today; a valid one is counted per campaign, never per letter.',
    // Up to 256 characters reach the check, so a 200-character scan gets a calm "not a code" answer rather than a schema error.
    input: z.strictObject({ code: z.string().max(256), language: LanguageCode }),
    output: InvitationCheck,
  }),
} as const;
