import { z } from 'zod';
import { EligibilityOutcomeSchema, LocalizedQuestionSchema, VisitorAnswers } from '../eligibility/outcome-schema';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

export const eligibilityChannels = {
  'eligibility.questions': channel({
    summary: 'The questions the voucher rules need, in the order to ask them, in the visitor\'s language.',
    input: z.strictObject({ language: LanguageCode }),
    output: z.strictObject({ ruleSetVersion: z.string(), questions: z.array(LocalizedQuestionSchema) }),
  }),
  'eligibility.check': channel({
    summary: 'Checks the answers so far against the voucher rules: the outcome, its reasons and the next question.',
    input: z.strictObject({
      answers: VisitorAnswers,
      language: LanguageCode,
    }),
    output: EligibilityOutcomeSchema,
  }),
} as const;
