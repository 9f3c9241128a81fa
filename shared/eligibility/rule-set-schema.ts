import { z } from 'zod';
import { LocalizedText } from '../content/localized-text';

/**
 * The voucher rules as data: every rule is evaluated by the pure engine in shared/eligibility/
 * and carries the reason texts the visitor sees. Period lengths and ages are settings here, not
 * constants in code (the seeds leave "every 4 or 5 years" open).
 */
export const QuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string().regex(/^[a-zA-Z]+$/), kind: z.literal('date'), prompt: LocalizedText, help: LocalizedText.optional() }),
  z.strictObject({ id: z.string().regex(/^[a-zA-Z]+$/), kind: z.literal('yesNo'), prompt: LocalizedText, help: LocalizedText.optional() }),
  z.strictObject({
    id: z.string().regex(/^[a-zA-Z]+$/),
    kind: z.literal('choice'),
    prompt: LocalizedText,
    help: LocalizedText.optional(),
    options: z.array(z.strictObject({ value: z.string().regex(/^[a-z-]+$/), label: LocalizedText })).min(2),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;

const ruleBase = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Shown when the rule decides the outcome. */
  reason: LocalizedText,
};

export const RuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleBase, kind: z.literal('minAge'), question: z.string(), years: z.number().int().min(0).max(120) }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('belowStatePensionAge'),
    question: z.string(),
    /** AOW age by birth date: the first row whose bornBefore is after the birth date applies. */
    table: z.array(z.strictObject({ bornBefore: z.iso.date(), years: z.number().int(), months: z.number().int().min(0).max(11) })).min(1),
    /** For birth dates after the last row. */
    after: z.strictObject({ years: z.number().int(), months: z.number().int().min(0).max(11) }),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('answerIs'),
    question: z.string(),
    expected: z.union([z.boolean(), z.string()]),
    /** What failing the rule means: not eligible, or a conversation with staff first. */
    onFail: z.enum(['notEligible', 'needsStaff']),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('noVoucherWithin'),
    /** A question whose answer is the date (or year) of the last voucher, if any. */
    question: z.string(),
    periodYears: z.number().int().min(1).max(20),
    /** The kiosk cannot see earlier vouchers offline: its answer is provisional until the central check. */
    needsCentralCheck: z.boolean(),
  }),
]);
export type Rule = z.infer<typeof RuleSchema>;

export const EligibilityRuleSetSchema = z.strictObject({
  version: z.string().min(1),
  questions: z.array(QuestionSchema).min(1),
  rules: z.array(RuleSchema).min(1),
});
export type EligibilityRuleSet = z.infer<typeof EligibilityRuleSetSchema>;
