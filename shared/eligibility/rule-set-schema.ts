import { z } from 'zod';
import { LocalizedText } from '../content/localized-text';

/**
 * The voucher rules as data: every rule is evaluated by the pure engine in shared/eligibility/
 * and carries the texts the visitor sees. Period lengths and ages are settings here, not
 * constants in code (the seeds leave "every 4 or 5 years" open). Texts may contain "{years}",
 * which the engine replaces with the rule's own number so the setting lives in one place.
 */
export const QuestionId = z.string().regex(/^[a-zA-Z]+$/, 'expected a question id such as "birthDate"');

const questionBase = {
  id: QuestionId,
  prompt: LocalizedText,
  help: LocalizedText.optional(),
  /** The visitor may answer "I don't know"; what that means is up to the rule that asks. */
  allowUnknown: z.boolean().default(false),
};

export const QuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...questionBase,
    kind: z.literal('date'),
    /** Accept "2022-11" when people cannot remember the day (e.g. of a voucher years ago). */
    allowMonthOnly: z.boolean().default(false),
  }),
  z.strictObject({ ...questionBase, kind: z.literal('yesNo') }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('choice'),
    options: z.array(z.strictObject({ value: z.string().regex(/^[a-z-]+$/), label: LocalizedText })).min(2),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;

const ruleBase = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Shown when the rule fails and so decides the outcome. */
  reason: LocalizedText,
  /** Shown on an "eligible" result, so the visitor sees what was checked. */
  passed: LocalizedText,
  /**
   * Present when the kiosk cannot check the rule itself offline (earlier vouchers live centrally):
   * the outcome is then provisional and this note tells the visitor what is checked later.
   */
  centralCheck: LocalizedText.optional(),
};

export const StatePensionAge = z.strictObject({ years: z.number().int().min(50).max(80), months: z.number().int().min(0).max(11) });

export const RuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleBase, kind: z.literal('minAge'), question: QuestionId, years: z.number().int().min(0).max(120) }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('belowStatePensionAge'),
    question: QuestionId,
    /** AOW age by birth date: the first row whose bornBefore is after the birth date applies. */
    table: z
      .array(z.strictObject({ bornBefore: z.iso.date(), ...StatePensionAge.shape }))
      .min(1)
      .refine((rows) => rows.every((row, i) => i === 0 || (rows[i - 1]?.bornBefore ?? '') < row.bornBefore), 'rows must be sorted by bornBefore, oldest first'),
    /** For birth dates on or after the last row's bornBefore: the latest age the government has fixed. */
    after: StatePensionAge,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('answerIs'),
    question: QuestionId,
    expected: z.union([z.boolean(), z.string()]),
    /** What failing the rule means: not eligible, or a conversation with staff first. */
    onFail: z.enum(['notEligible', 'needsStaff']),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('noVoucherWithin'),
    /** Yes/no: has the visitor ever had a voucher? Only a "yes" leads to the date question. */
    hadVoucherQuestion: QuestionId,
    /** Date (or month) of the last voucher. */
    dateQuestion: QuestionId,
    periodYears: z.number().int().min(1).max(20),
  }),
]);
export type Rule = z.infer<typeof RuleSchema>;

export const EligibilityRuleSetSchema = z
  .strictObject({
    version: z.string().min(1),
    questions: z.array(QuestionSchema).min(1),
    rules: z.array(RuleSchema).min(1),
    /** Said when a visitor answers "I don't know" to a question the kiosk cannot settle without them. */
    unknownAnswer: LocalizedText,
    /** Said when the visitor will reach the AOW age before a waiting period ends. */
    pensionBeforeEligible: LocalizedText,
  })
  .superRefine((set, ctx) => {
    const byId = new Map<string, Question>();
    set.questions.forEach((q, i) => {
      if (byId.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question "${q.id}" is defined twice` });
      byId.set(q.id, q);
    });
    const ruleIds = new Set<string>();
    const expectKind = (path: PropertyKey[], id: string, kinds: Question['kind'][]) => {
      const q = byId.get(id);
      if (!q) ctx.addIssue({ code: 'custom', path, message: `rule refers to question "${id}", which does not exist` });
      else if (!kinds.includes(q.kind)) ctx.addIssue({ code: 'custom', path, message: `question "${id}" is a ${q.kind} question; this rule needs ${kinds.join(' or ')}` });
    };
    set.rules.forEach((rule, i) => {
      if (ruleIds.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule "${rule.id}" is defined twice` });
      ruleIds.add(rule.id);
      switch (rule.kind) {
        case 'minAge':
        case 'belowStatePensionAge':
          expectKind(['rules', i, 'question'], rule.question, ['date']);
          break;
        case 'answerIs': {
          expectKind(['rules', i, 'question'], rule.question, typeof rule.expected === 'boolean' ? ['yesNo'] : ['choice']);
          const q = byId.get(rule.question);
          if (q?.kind === 'choice' && !q.options.some((o) => o.value === rule.expected)) {
            ctx.addIssue({ code: 'custom', path: ['rules', i, 'expected'], message: `"${String(rule.expected)}" is not an option of question "${q.id}"` });
          }
          break;
        }
        case 'noVoucherWithin':
          expectKind(['rules', i, 'hadVoucherQuestion'], rule.hadVoucherQuestion, ['yesNo']);
          expectKind(['rules', i, 'dateQuestion'], rule.dateQuestion, ['date']);
          break;
      }
    });
  });
export type EligibilityRuleSet = z.infer<typeof EligibilityRuleSetSchema>;
export type EligibilityRuleSetInput = z.input<typeof EligibilityRuleSetSchema>;
