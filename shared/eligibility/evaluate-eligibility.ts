import { pickedLanguage, pickText, type LocalizedText } from '../content/localized-text';
import {
  addYearsAndMonths,
  compareDates,
  formatIsoDate,
  parseIsoDate,
  parseIsoMonth,
  type CalendarDate,
} from './calendar-dates';
import { unknownAnswer, type AnswerProblem, type Answers, type EligibilityOutcome, type LocalizedQuestion, type Reason } from './outcome-schema';
import type { EligibilityRuleSet, Question, Rule } from './rule-set-schema';

export interface EvaluationContext {
  /** The visitor's calendar day, ISO "YYYY-MM-DD" (the device's local date in the Netherlands). */
  today: string;
  language: string;
}

/** A date answer as the range of days it may stand for (one day, or a whole month). */
interface DateRange {
  first: CalendarDate;
  last: CalendarDate;
}

type Answer = { kind: 'missing' } | { kind: 'unknown' } | { kind: 'value'; value: boolean | string | DateRange };

type RuleResult =
  | { state: 'missing'; question: string }
  | { state: 'pass' }
  | { state: 'unknown' }
  | { state: 'fail'; effect: 'notEligible' | 'needsStaff'; eligibleFrom?: CalendarDate };

/** Nobody alive was born before this; an earlier date is a typo. */
const earliestPlausibleDate: CalendarDate = { year: 1900, month: 1, day: 1 };

function checkAnswer(question: Question, raw: boolean | string, today: CalendarDate): { value: Answer } | { problem: AnswerProblem } {
  if (raw === unknownAnswer) return question.allowUnknown ? { value: { kind: 'unknown' } } : { problem: 'unknownNotAllowed' };
  switch (question.kind) {
    case 'yesNo':
      return typeof raw === 'boolean' ? { value: { kind: 'value', value: raw } } : { problem: 'wrongType' };
    case 'choice':
      if (typeof raw !== 'string') return { problem: 'wrongType' };
      return question.options.some((o) => o.value === raw) ? { value: { kind: 'value', value: raw } } : { problem: 'notAnOption' };
    case 'date': {
      if (typeof raw !== 'string') return { problem: 'wrongType' };
      const day = parseIsoDate(raw);
      const range = day ? { first: day, last: day } : question.allowMonthOnly ? parseIsoMonth(raw) : null;
      if (!range) return { problem: 'notADate' };
      if (compareDates(range.first, today) > 0) return { problem: 'dateInFuture' };
      if (compareDates(range.first, earliestPlausibleDate) < 0) return { problem: 'dateTooOld' };
      // A month answer for the current month cannot reach beyond today.
      return { value: { kind: 'value', value: compareDates(range.last, today) > 0 ? { first: range.first, last: today } : range } };
    }
  }
}

function fillYears(text: string, years: number): string {
  return text.replaceAll('{years}', String(years));
}

export function statePensionAgeFor(rule: Extract<Rule, { kind: 'belowStatePensionAge' }>, birth: CalendarDate): { years: number; months: number } {
  const born = formatIsoDate(birth);
  const row = rule.table.find((r) => born < r.bornBefore);
  return row ? { years: row.years, months: row.months } : rule.after;
}

function statePensionDate(rule: Extract<Rule, { kind: 'belowStatePensionAge' }>, birth: CalendarDate): CalendarDate {
  const age = statePensionAgeFor(rule, birth);
  return addYearsAndMonths(birth, age.years, age.months);
}

function evaluateRule(rule: Rule, answer: (question: string) => Answer, today: CalendarDate): RuleResult {
  const central = rule.centralCheck !== undefined;
  // "I don't know" is no obstacle for a rule the centre checks anyway; elsewhere a person must help.
  const unknown = (): RuleResult => (central ? { state: 'pass' } : { state: 'unknown' });
  const dateOf = (question: string): DateRange | RuleResult => {
    const a = answer(question);
    if (a.kind === 'missing') return { state: 'missing', question };
    if (a.kind === 'unknown') return unknown();
    return a.value as DateRange;
  };
  const isResult = (x: DateRange | RuleResult): x is RuleResult => 'state' in x;

  switch (rule.kind) {
    case 'minAge': {
      const birth = dateOf(rule.question);
      if (isResult(birth)) return birth;
      const from = addYearsAndMonths(birth.last, rule.years);
      if (compareDates(from, today) <= 0) return { state: 'pass' };
      if (compareDates(addYearsAndMonths(birth.first, rule.years), today) > 0) return { state: 'fail', effect: 'notEligible', eligibleFrom: from };
      return { state: 'unknown' };
    }
    case 'belowStatePensionAge': {
      const birth = dateOf(rule.question);
      if (isResult(birth)) return birth;
      if (compareDates(today, statePensionDate(rule, birth.first)) < 0) return { state: 'pass' };
      if (compareDates(today, statePensionDate(rule, birth.last)) >= 0) return { state: 'fail', effect: 'notEligible' };
      return { state: 'unknown' };
    }
    case 'answerIs': {
      const a = answer(rule.question);
      if (a.kind === 'missing') return { state: 'missing', question: rule.question };
      if (a.kind === 'unknown') return unknown();
      return a.value === rule.expected ? { state: 'pass' } : { state: 'fail', effect: rule.onFail };
    }
    case 'noVoucherWithin': {
      const had = answer(rule.hadVoucherQuestion);
      if (had.kind === 'missing') return { state: 'missing', question: rule.hadVoucherQuestion };
      if (had.kind === 'unknown') return unknown();
      if (had.value === false) return { state: 'pass' };
      const last = dateOf(rule.dateQuestion);
      if (isResult(last)) return last;
      // The period runs from the voucher's day: on the same day N years later the visitor may ask again.
      // For a month answer the last day of that month counts, so nobody is told "yes" too early.
      const from = addYearsAndMonths(last.last, rule.periodYears);
      return compareDates(from, today) <= 0 ? { state: 'pass' } : { state: 'fail', effect: 'notEligible', eligibleFrom: from };
    }
  }
}

function ruleText(rule: Rule, text: LocalizedText, language: string): string {
  const years = rule.kind === 'minAge' ? rule.years : rule.kind === 'noVoucherWithin' ? rule.periodYears : null;
  const picked = pickText(text, language);
  return years === null ? picked : fillYears(picked, years);
}

/** `{ lang }` when the text falls back to another language than the visitor's, else nothing. */
function fallbackLang(text: LocalizedText, language: string): { lang?: string } {
  const picked = pickedLanguage(text, language);
  return picked === language ? {} : { lang: picked };
}

function maxDate(dates: CalendarDate[]): CalendarDate {
  return dates.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}

/**
 * Evaluates the visitor's answers against the rule set. Rules are checked in their order; as soon
 * as one says "not eligible" the outcome is decided and no more questions are needed. A "needs
 * staff" rule does not stop the questions, because a later rule could still say "not eligible".
 */
export function evaluateEligibility(ruleSet: EligibilityRuleSet, answers: Answers, context: EvaluationContext): EligibilityOutcome {
  const today = parseIsoDate(context.today);
  if (!today) throw new RangeError(`today must be an ISO date such as "2026-11-24", got "${context.today}"`);
  const { language } = context;

  const questions = new Map(ruleSet.questions.map((q) => [q.id, q]));
  const checked = new Map<string, Answer>();
  const invalidAnswers: EligibilityOutcome['invalidAnswers'] = [];
  for (const [id, raw] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      invalidAnswers.push({ question: id, problem: 'unknownQuestion' });
      continue;
    }
    const result = checkAnswer(question, raw, today);
    if ('problem' in result) invalidAnswers.push({ question: id, problem: result.problem });
    else checked.set(id, result.value);
  }
  const answer = (id: string): Answer => checked.get(id) ?? { kind: 'missing' };

  const results = ruleSet.rules.map((rule) => ({ rule, result: evaluateRule(rule, answer, today) }));
  const base = { ruleSetVersion: ruleSet.version, invalidAnswers };
  const centralNotes = (rules: Rule[]) =>
    rules.flatMap((rule) => (rule.centralCheck ? [{ rule: rule.id, text: ruleText(rule, rule.centralCheck, language), ...fallbackLang(rule.centralCheck, language) }] : []));

  const refusals = results.flatMap(({ rule, result }) => (result.state === 'fail' && result.effect === 'notEligible' ? [{ rule, result }] : []));
  if (refusals.length > 0) {
    const reasons: Reason[] = refusals.map(({ rule, result }) => ({
      rule: rule.id,
      code: 'failed',
      text: ruleText(rule, rule.reason, language),
      ...fallbackLang(rule.reason, language),
      ...(result.eligibleFrom && { eligibleFrom: formatIsoDate(result.eligibleFrom) }),
    }));
    const ends = refusals.flatMap(({ result }) => (result.eligibleFrom ? [result.eligibleFrom] : []));
    let eligibleFrom = ends.length === refusals.length ? maxDate(ends) : undefined;
    const pensionRule = ruleSet.rules.find((r): r is Extract<Rule, { kind: 'belowStatePensionAge' }> => r.kind === 'belowStatePensionAge');
    const birth = pensionRule && answer(pensionRule.question);
    if (eligibleFrom && pensionRule && birth?.kind === 'value') {
      const pension = statePensionDate(pensionRule, (birth.value as DateRange).first);
      if (compareDates(eligibleFrom, pension) >= 0) {
        eligibleFrom = undefined;
        reasons.push({ rule: pensionRule.id, code: 'pensionBeforeEligible', text: pickText(ruleSet.pensionBeforeEligible, language), ...fallbackLang(ruleSet.pensionBeforeEligible, language) });
      }
    }
    const deciding = refusals.map(({ rule }) => rule);
    return {
      ...base,
      status: 'notEligible',
      // Only the centre can overturn this, and only when every rule that says "no" is one it checks.
      provisional: deciding.every((rule) => rule.centralCheck !== undefined),
      ...(eligibleFrom && { eligibleFrom: formatIsoDate(eligibleFrom) }),
      reasons,
      centralChecks: centralNotes(deciding),
      nextQuestion: null,
    };
  }

  const missing = results.find(({ result }) => result.state === 'missing');
  if (missing && missing.result.state === 'missing') {
    return { ...base, status: 'incomplete', provisional: false, reasons: [], centralChecks: [], nextQuestion: missing.result.question };
  }

  const staff = results.filter(({ result }) => result.state === 'unknown' || result.state === 'fail');
  if (staff.length > 0) {
    return {
      ...base,
      status: 'needsStaff',
      provisional: false,
      reasons: staff.map(({ rule, result }) =>
        result.state === 'unknown'
          ? { rule: rule.id, code: 'unknownAnswer', text: pickText(ruleSet.unknownAnswer, language), ...fallbackLang(ruleSet.unknownAnswer, language) }
          : { rule: rule.id, code: 'failed', text: ruleText(rule, rule.reason, language), ...fallbackLang(rule.reason, language) },
      ),
      centralChecks: [],
      nextQuestion: null,
    };
  }

  const centralChecks = centralNotes(ruleSet.rules);
  return {
    ...base,
    status: 'eligible',
    provisional: centralChecks.length > 0,
    reasons: ruleSet.rules.map((rule) => ({ rule: rule.id, code: 'passed', text: ruleText(rule, rule.passed, language), ...fallbackLang(rule.passed, language) })),
    centralChecks,
    nextQuestion: null,
  };
}

/** The next question to ask given the answers so far, or null when the outcome is decided. */
export function nextQuestion(ruleSet: EligibilityRuleSet, answers: Answers, today: string): Question | null {
  const id = evaluateEligibility(ruleSet, answers, { today, language: 'nl' }).nextQuestion;
  return ruleSet.questions.find((q) => q.id === id) ?? null;
}

/** The questions the rules use, in the order they are asked, in the visitor's language. */
export function localizeQuestions(ruleSet: EligibilityRuleSet, language: string): LocalizedQuestion[] {
  const used = ruleSet.rules.flatMap((rule) => (rule.kind === 'noVoucherWithin' ? [rule.hadVoucherQuestion, rule.dateQuestion] : [rule.question]));
  const order = [...new Set(used)];
  // A date asked only after "yes" to another question; not when another rule asks it on its own.
  const askedDirectly = new Set(ruleSet.rules.flatMap((rule) => (rule.kind === 'noVoucherWithin' ? [rule.hadVoucherQuestion] : [rule.question])));
  const condition = new Map(ruleSet.rules.flatMap((rule) => (rule.kind === 'noVoucherWithin' && !askedDirectly.has(rule.dateQuestion) ? [[rule.dateQuestion, rule.hadVoucherQuestion] as const] : [])));
  return order.flatMap((id) => {
    const q = ruleSet.questions.find((question) => question.id === id);
    if (!q) return [];
    return [
      {
        id: q.id,
        kind: q.kind,
        prompt: pickText(q.prompt, language),
        ...(q.help && { help: pickText(q.help, language) }),
        allowUnknown: q.allowUnknown,
        allowMonthOnly: q.kind === 'date' && q.allowMonthOnly,
        options: q.kind === 'choice' ? q.options.map((o) => ({ value: o.value, label: pickText(o.label, language) })) : [],
        ...(condition.has(q.id) && { askedAfterYesTo: condition.get(q.id) }),
        ...fallbackLang(q.prompt, language),
      },
    ];
  });
}
