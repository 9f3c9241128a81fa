import { z } from 'zod';
import { QuestionId } from './rule-set-schema';

/** An answer: true/false for yes/no, an ISO date ("1990-05-17") or month ("2022-11"), a choice value, or "unknown". */
export const AnswerValue = z.union([z.boolean(), z.string().max(40)]);
export const AnswersSchema = z.record(QuestionId, AnswerValue);
export type Answers = z.infer<typeof AnswersSchema>;
/** A visitor's answers as a channel takes them: no rule set asks more than 20 questions. */
export const VisitorAnswers = AnswersSchema.refine((a) => Object.keys(a).length <= 20, 'expected at most 20 answers');

/** Said by the visitor when a question allows it ("I don't know"). */
export const unknownAnswer = 'unknown';

export const AnswerProblem = z.enum([
  'unknownQuestion',
  'wrongType',
  'notADate',
  'dateInFuture',
  'dateTooOld',
  'unknownNotAllowed',
  'notAnOption',
]);
export type AnswerProblem = z.infer<typeof AnswerProblem>;

export const ReasonCode = z.enum([
  /** The rule failed and decides the outcome. */
  'failed',
  /** The rule passed (listed on an "eligible" result). */
  'passed',
  /** The visitor answered "I don't know" where the kiosk needs to know: staff help. */
  'unknownAnswer',
  /** A waiting period ends only after the visitor reaches the AOW age. */
  'pensionBeforeEligible',
]);

export const ReasonSchema = z.strictObject({
  /** The rule's id from the rule set: a stable code for requests and monitoring. */
  rule: z.string(),
  code: ReasonCode,
  text: z.string(),
  /** The language of text when it is not the one asked for (a fallback), so the screen marks it. */
  lang: z.string().optional(),
  /** For a failed rule that stops failing on a known day (turning 18, a voucher period ending). */
  eligibleFrom: z.iso.date().optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const EligibilityOutcomeSchema = z.strictObject({
  status: z.enum(['eligible', 'notEligible', 'needsStaff', 'incomplete']),
  /** True when the outcome rests on rules the centre checks later (earlier vouchers): it may still change. */
  provisional: z.boolean(),
  /** When the visitor will be eligible, if every rule that says "no" ends on a known day. */
  eligibleFrom: z.iso.date().optional(),
  reasons: z.array(ReasonSchema),
  /** What the centre still checks, in the visitor's language. */
  centralChecks: z.array(z.strictObject({ rule: z.string(), text: z.string(), lang: z.string().optional() })),
  /** The next question to ask, or null when the outcome is decided. */
  nextQuestion: QuestionId.nullable(),
  /** Answers that could not be used; their questions count as not answered. */
  invalidAnswers: z.array(z.strictObject({ question: z.string(), problem: AnswerProblem })),
  ruleSetVersion: z.string(),
});
export type EligibilityOutcome = z.infer<typeof EligibilityOutcomeSchema>;

export const LocalizedQuestionSchema = z.strictObject({
  id: QuestionId,
  kind: z.enum(['date', 'yesNo', 'choice']),
  prompt: z.string(),
  help: z.string().optional(),
  allowUnknown: z.boolean(),
  allowMonthOnly: z.boolean(),
  options: z.array(z.strictObject({ value: z.string(), label: z.string() })),
  /** Asked only after "yes" to that question (the date of an earlier voucher), so a counter leaves it out until then. */
  askedAfterYesTo: QuestionId.optional(),
  /** The language of prompt and help when it is not the one asked for (a fallback). */
  lang: z.string().optional(),
});
export type LocalizedQuestion = z.infer<typeof LocalizedQuestionSchema>;
