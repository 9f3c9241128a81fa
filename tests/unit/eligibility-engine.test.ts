import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, localizeQuestions, nextQuestion, statePensionAgeFor } from '../../shared/eligibility/evaluate-eligibility';
import type { Answers, EligibilityOutcome } from '../../shared/eligibility/outcome-schema';
import { EligibilityRuleSetSchema, type EligibilityRuleSet, type Rule } from '../../shared/eligibility/rule-set-schema';
import { resourcesDir } from '../support/paths';

const source: unknown = JSON.parse(readFileSync(join(resourcesDir, 'content', 'source', 'eligibility.json'), 'utf8'));
const rules = EligibilityRuleSetSchema.parse(source);

/** The shipped rule set with one rule's settings changed, as a region or a later pack might. */
function withRule(id: string, change: Partial<Rule>): EligibilityRuleSet {
  return EligibilityRuleSetSchema.parse({ ...rules, rules: rules.rules.map((r) => (r.id === id ? { ...r, ...change } : r)) });
}

const adult: Answers = { birthDate: '1990-05-17', livesInNetherlands: true, hadVoucher: false, openTrajectory: false, hasBenefit: false };
const today = '2026-11-24';

interface Case {
  name: string;
  answers: Answers;
  today?: string;
  ruleSet?: EligibilityRuleSet;
  expect: Partial<Pick<EligibilityOutcome, 'status' | 'provisional' | 'nextQuestion'>> & {
    eligibleFrom?: string | null;
    rules?: string[];
    codes?: string[];
    invalid?: string[];
  };
}

const cases: Case[] = [
  // Turning 18
  { name: 'turns 18 tomorrow', answers: { ...adult, birthDate: '2008-11-25' }, expect: { status: 'notEligible', eligibleFrom: '2026-11-25', rules: ['min-age'], provisional: false } },
  { name: 'turns 18 today', answers: { ...adult, birthDate: '2008-11-24' }, expect: { status: 'eligible', eligibleFrom: null } },
  { name: 'turned 18 yesterday', answers: { ...adult, birthDate: '2008-11-23' }, expect: { status: 'eligible' } },
  { name: 'a 17-year-old is told as soon as the birth date is known', answers: { birthDate: '2009-06-01' }, expect: { status: 'notEligible', eligibleFrom: '2027-06-01', nextQuestion: null } },
  // 29 February
  { name: 'born 29 Feb: not yet 18 on 28 Feb of a non-leap year', answers: { ...adult, birthDate: '2008-02-29' }, today: '2026-02-28', expect: { status: 'notEligible', eligibleFrom: '2026-03-01' } },
  { name: 'born 29 Feb: 18 on 1 March of a non-leap year', answers: { ...adult, birthDate: '2008-02-29' }, today: '2026-03-01', expect: { status: 'eligible' } },
  { name: 'born 29 Feb: with a 20-year rule, the birthday falls on 29 Feb of a leap year', answers: { ...adult, birthDate: '2008-02-29' }, today: '2028-02-28', ruleSet: withRule('min-age', { years: 20 }), expect: { status: 'notEligible', eligibleFrom: '2028-02-29' } },
  { name: 'born 29 Feb: eligible on 29 Feb of a leap year', answers: { ...adult, birthDate: '2008-02-29' }, today: '2028-02-29', ruleSet: withRule('min-age', { years: 20 }), expect: { status: 'eligible' } },
  { name: '29 February of a non-leap year is not a date', answers: { ...adult, birthDate: '2007-02-29' }, expect: { status: 'incomplete', nextQuestion: 'birthDate', invalid: ['birthDate:notADate'] } },
  // AOW age
  { name: 'reaches AOW age (67) today', answers: { ...adult, birthDate: '1959-11-24' }, expect: { status: 'notEligible', eligibleFrom: null, rules: ['below-aow-age'], provisional: false } },
  { name: 'reaches AOW age tomorrow', answers: { ...adult, birthDate: '1959-11-25' }, expect: { status: 'eligible' } },
  { name: 'born 31 Dec 1960: AOW at 67, the day before', answers: { ...adult, birthDate: '1960-12-31' }, today: '2027-12-30', expect: { status: 'eligible' } },
  { name: 'born 31 Dec 1960: AOW at 67, the day itself', answers: { ...adult, birthDate: '1960-12-31' }, today: '2027-12-31', expect: { status: 'notEligible', rules: ['below-aow-age'] } },
  { name: 'born 1 Jan 1961: AOW at 67 and 3 months, still eligible at 67', answers: { ...adult, birthDate: '1961-01-01' }, today: '2028-03-31', expect: { status: 'eligible' } },
  { name: 'born 1 Jan 1961: AOW reached on 1 April 2028', answers: { ...adult, birthDate: '1961-01-01' }, today: '2028-04-01', expect: { status: 'notEligible', rules: ['below-aow-age'] } },
  { name: 'born 30 Nov 1961: 67 and 3 months lands on 1 March (no 30 Feb)', answers: { ...adult, birthDate: '1961-11-30' }, today: '2029-02-28', expect: { status: 'eligible' } },
  { name: 'born 30 Nov 1961: AOW on 1 March 2029', answers: { ...adult, birthDate: '1961-11-30' }, today: '2029-03-01', expect: { status: 'notEligible', rules: ['below-aow-age'] } },
  // Earlier voucher
  { name: 'voucher exactly 4 years ago', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2022-11-24' }, expect: { status: 'eligible', provisional: true } },
  { name: 'voucher 4 years ago less one day', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2022-11-25' }, expect: { status: 'notEligible', eligibleFrom: '2026-11-25', rules: ['no-recent-voucher'], provisional: true } },
  { name: 'voucher month only: the last day of the month counts', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2022-11' }, expect: { status: 'notEligible', eligibleFrom: '2026-11-30', provisional: true } },
  { name: 'voucher month only, a month earlier', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2022-10' }, expect: { status: 'eligible', provisional: true } },
  { name: 'voucher on 29 Feb 2024: period ends on 29 Feb 2028', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2024-02-29' }, today: '2028-02-28', expect: { status: 'notEligible', eligibleFrom: '2028-02-29' } },
  { name: 'period set to 5 years', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2022-11-24' }, ruleSet: withRule('no-recent-voucher', { periodYears: 5 }), expect: { status: 'notEligible', eligibleFrom: '2027-11-24' } },
  { name: 'does not know whether there was a voucher: the centre checks', answers: { ...adult, hadVoucher: 'unknown' }, expect: { status: 'eligible', provisional: true } },
  { name: 'does not know when the voucher was: the centre checks', answers: { ...adult, hadVoucher: true, lastVoucherDate: 'unknown' }, expect: { status: 'eligible', provisional: true } },
  { name: 'without a central check, "I don\'t know" goes to staff', answers: { ...adult, hadVoucher: 'unknown' }, ruleSet: withRule('no-recent-voucher', { centralCheck: undefined }), expect: { status: 'needsStaff', codes: ['no-recent-voucher:unknownAnswer'] } },
  { name: 'the waiting period ends after the AOW age', answers: { ...adult, birthDate: '1960-06-01', hadVoucher: true, lastVoucherDate: '2024-01-10' }, expect: { status: 'notEligible', eligibleFrom: null, codes: ['no-recent-voucher:failed', 'below-aow-age:pensionBeforeEligible'] } },
  { name: 'an open trajectory', answers: { ...adult, openTrajectory: true }, expect: { status: 'notEligible', eligibleFrom: null, rules: ['no-open-trajectory'], provisional: true } },
  // Not living in the Netherlands
  { name: 'lives abroad: decided before any voucher question', answers: { birthDate: '1990-05-17', livesInNetherlands: false }, expect: { status: 'notEligible', eligibleFrom: null, provisional: false, nextQuestion: null } },
  { name: 'lives abroad and a recent voucher: certain, no date', answers: { ...adult, livesInNetherlands: false, hadVoucher: true, lastVoucherDate: '2025-01-01' }, expect: { status: 'notEligible', eligibleFrom: null, provisional: false, rules: ['lives-in-nl', 'no-recent-voucher'] } },
  // Benefit
  { name: 'a benefit means a talk with staff', answers: { ...adult, hasBenefit: true }, expect: { status: 'needsStaff', rules: ['no-benefit'], provisional: false } },
  { name: 'unsure about a benefit means a talk with staff', answers: { ...adult, hasBenefit: 'unknown' }, expect: { status: 'needsStaff', codes: ['no-benefit:unknownAnswer'] } },
  { name: 'a benefit does not outweigh an open trajectory', answers: { ...adult, openTrajectory: true, hasBenefit: true }, expect: { status: 'notEligible', rules: ['no-open-trajectory'] } },
  // Missing answers: only ask what the rules need
  { name: 'nothing answered: ask the birth date first', answers: {}, expect: { status: 'incomplete', nextQuestion: 'birthDate', provisional: false } },
  { name: 'after the birth date: where you live', answers: { birthDate: '1990-05-17' }, expect: { status: 'incomplete', nextQuestion: 'livesInNetherlands' } },
  { name: 'a "yes" to an earlier voucher asks when', answers: { birthDate: '1990-05-17', livesInNetherlands: true, hadVoucher: true }, expect: { status: 'incomplete', nextQuestion: 'lastVoucherDate' } },
  { name: 'a "no" to an earlier voucher skips the date', answers: { birthDate: '1990-05-17', livesInNetherlands: true, hadVoucher: false }, expect: { status: 'incomplete', nextQuestion: 'openTrajectory' } },
  { name: 'a benefit still asks the remaining questions', answers: { birthDate: '1990-05-17', livesInNetherlands: true, hasBenefit: true }, expect: { status: 'incomplete', nextQuestion: 'hadVoucher' } },
  // Answers that cannot be used
  { name: 'a birth date in the future', answers: { ...adult, birthDate: '2027-01-01' }, expect: { status: 'incomplete', nextQuestion: 'birthDate', invalid: ['birthDate:dateInFuture'] } },
  { name: 'a birth date before 1900', answers: { ...adult, birthDate: '1899-12-31' }, expect: { status: 'incomplete', invalid: ['birthDate:dateTooOld'] } },
  { name: 'a month is not enough for the birth date', answers: { ...adult, birthDate: '1990-05' }, expect: { status: 'incomplete', invalid: ['birthDate:notADate'] } },
  { name: '"I don\'t know" where it is not offered', answers: { ...adult, livesInNetherlands: 'unknown' }, expect: { status: 'incomplete', nextQuestion: 'livesInNetherlands', invalid: ['livesInNetherlands:unknownNotAllowed'] } },
  { name: 'text for a yes/no question', answers: { ...adult, livesInNetherlands: 'yes' }, expect: { status: 'incomplete', invalid: ['livesInNetherlands:wrongType'] } },
  { name: 'an answer to a question that does not exist is ignored', answers: { ...adult, shoeSize: '44' }, expect: { status: 'eligible', invalid: ['shoeSize:unknownQuestion'] } },
  { name: 'a voucher in the future', answers: { ...adult, hadVoucher: true, lastVoucherDate: '2026-12' }, expect: { status: 'incomplete', nextQuestion: 'lastVoucherDate', invalid: ['lastVoucherDate:dateInFuture'] } },
];

describe('the eligibility rule engine', () => {
  it.each(cases)('$name', (c) => {
    const outcome = evaluateEligibility(c.ruleSet ?? rules, c.answers, { today: c.today ?? today, language: 'nl' });
    const e = c.expect;
    if (e.status) expect(outcome.status).toBe(e.status);
    if (e.provisional !== undefined) expect(outcome.provisional).toBe(e.provisional);
    if (e.nextQuestion !== undefined) expect(outcome.nextQuestion).toBe(e.nextQuestion);
    if (e.eligibleFrom !== undefined) expect(outcome.eligibleFrom ?? null).toBe(e.eligibleFrom);
    if (e.rules) expect(outcome.reasons.map((r) => r.rule)).toEqual(e.rules);
    if (e.codes) expect(outcome.reasons.map((r) => `${r.rule}:${r.code}`)).toEqual(e.codes);
    expect(outcome.invalidAnswers.map((i) => `${i.question}:${i.problem}`)).toEqual(e.invalid ?? []);
  });

  it('has a table of at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('explains an eligible outcome rule by rule, with the period filled in, in the visitor\'s language', () => {
    const nl = evaluateEligibility(rules, adult, { today, language: 'nl' });
    expect(nl.reasons.map((r) => r.code)).toEqual(rules.rules.map(() => 'passed'));
    expect(nl.reasons[0]?.text).toBe('Je bent 18 jaar of ouder.');
    expect(nl.reasons.find((r) => r.rule === 'no-recent-voucher')?.text).toBe('Je had de afgelopen 4 jaar geen voucher.');
    expect(nl.centralChecks.map((c) => c.rule)).toEqual(['no-recent-voucher', 'no-open-trajectory']);
    expect(nl.centralChecks[0]?.text).toContain('4 jaar');
    const en = evaluateEligibility(withRule('no-recent-voucher', { periodYears: 5 }), adult, { today, language: 'en' });
    expect(en.reasons.find((r) => r.rule === 'no-recent-voucher')?.text).toBe('You have not had a voucher in the last 5 years.');
    expect(en.reasons.every((r) => !r.text.includes('{'))).toBe(true);
  });

  it('gives the date of each failing rule and explains why a refusal is provisional', () => {
    const outcome = evaluateEligibility(rules, { ...adult, hadVoucher: true, lastVoucherDate: '2024-03-15' }, { today, language: 'en' });
    expect(outcome.reasons).toEqual([
      { rule: 'no-recent-voucher', code: 'failed', text: 'You can get a voucher once every 4 years. Your last voucher was less than 4 years ago.', eligibleFrom: '2028-03-15' },
    ]);
    expect(outcome.centralChecks).toEqual([{ rule: 'no-recent-voucher', text: 'We will check our records for a voucher in the last 4 years. After that you get a final answer.' }]);
  });

  it('falls back to English for a language the rules have no text in', () => {
    // The sample rules are in every UI language; a pack without Ukrainian is made by leaving it out.
    const withoutUkrainian = EligibilityRuleSetSchema.parse(JSON.parse(JSON.stringify(rules, (key: string, value: unknown) => (key === 'uk' ? undefined : value))));
    expect(evaluateEligibility(rules, { ...adult, hasBenefit: true }, { today, language: 'uk' }).reasons[0]?.text).toMatch(/^Ви отримуєте допомогу/);
    const outcome = evaluateEligibility(withoutUkrainian, { ...adult, hasBenefit: true }, { today, language: 'uk' });
    expect(outcome.reasons[0]?.text).toMatch(/^You get a benefit/);
  });

  it('refuses a "today" that is not a calendar date instead of guessing', () => {
    expect(() => evaluateEligibility(rules, adult, { today: '24-11-2026', language: 'nl' })).toThrow(/ISO date/);
  });
});

describe('asking only what the rules need', () => {
  it('walks a visitor through the questions one by one and stops when decided', () => {
    const visitor: Answers = { birthDate: '1985-03-02', livesInNetherlands: true, hadVoucher: true, lastVoucherDate: '2020-06', openTrajectory: false, hasBenefit: false };
    const asked: string[] = [];
    const answers: Answers = {};
    for (let q = nextQuestion(rules, answers, today); q; q = nextQuestion(rules, answers, today)) {
      asked.push(q.id);
      answers[q.id] = visitor[q.id] as boolean | string;
    }
    expect(asked).toEqual(['birthDate', 'livesInNetherlands', 'hadVoucher', 'lastVoucherDate', 'openTrajectory', 'hasBenefit']);
    expect(evaluateEligibility(rules, answers, { today, language: 'nl' }).status).toBe('eligible');
  });

  it('lists the questions in the order they are asked, translated, with their answer options', () => {
    const en = localizeQuestions(rules, 'en');
    expect(en.map((q) => q.id)).toEqual(['birthDate', 'livesInNetherlands', 'hadVoucher', 'lastVoucherDate', 'openTrajectory', 'hasBenefit']);
    expect(en[0]).toMatchObject({ kind: 'date', prompt: 'What is your date of birth?', allowUnknown: false, allowMonthOnly: false });
    expect(en.find((q) => q.id === 'lastVoucherDate')).toMatchObject({ allowUnknown: true, allowMonthOnly: true });
    expect(localizeQuestions(rules, 'nl')[1]?.prompt).toBe('Woon je in Nederland?');
  });

  it('marks the earlier voucher\'s date as asked only after "yes", so a question counter never jumps', () => {
    const en = localizeQuestions(rules, 'en');
    expect(en.filter((q) => q.askedAfterYesTo).map((q) => [q.id, q.askedAfterYesTo])).toEqual([['lastVoucherDate', 'hadVoucher']]);
    // Each question the engine asks after "no" is the next one a counter without that date counts.
    const unconditional = en.filter((q) => !q.askedAfterYesTo).map((q) => q.id);
    const answers: Answers = { birthDate: '1980-05-01', livesInNetherlands: true, hadVoucher: false };
    expect(evaluateEligibility(rules, answers, { today: '2026-11-24', language: 'en' }).nextQuestion).toBe(unconditional[3]);
  });

  it('names the language of text that falls back (Arabic to English), and only then', () => {
    // The sample rules are in every UI language; rules without Arabic are made by leaving it out.
    const withoutArabic = EligibilityRuleSetSchema.parse(JSON.parse(JSON.stringify(rules, (key: string, value: unknown) => (key === 'ar' ? undefined : value))));
    expect(localizeQuestions(withoutArabic, 'ar').every((q) => q.lang === 'en')).toBe(true);
    expect(localizeQuestions(rules, 'ar').some((q) => q.lang !== undefined)).toBe(false);
    expect(localizeQuestions(rules, 'nl').some((q) => q.lang !== undefined)).toBe(false);
    const answers: Answers = { birthDate: '2016-05-01' };
    expect(evaluateEligibility(withoutArabic, answers, { today: '2026-11-24', language: 'ar' }).reasons.map((r) => r.lang)).toEqual(['en']);
    expect(evaluateEligibility(rules, answers, { today: '2026-11-24', language: 'en' }).reasons.map((r) => r.lang)).toEqual([undefined]);
  });

  it('never asks a question no rule uses', () => {
    const extra = EligibilityRuleSetSchema.parse({ ...rules, questions: [...rules.questions, { id: 'shoeSize', kind: 'yesNo', prompt: { nl: 'Maat?', en: 'Size?' } }] });
    expect(localizeQuestions(extra, 'en').map((q) => q.id)).not.toContain('shoeSize');
  });
});

describe('the AOW table', () => {
  const pension = rules.rules.find((r): r is Extract<Rule, { kind: 'belowStatePensionAge' }> => r.kind === 'belowStatePensionAge');
  if (!pension) throw new Error('the shipped rules have no AOW rule');
  it.each([
    ['1957-02-28', 66, 10],
    ['1957-03-01', 67, 0],
    ['1960-12-31', 67, 0],
    ['1961-01-01', 67, 3],
    ['1975-07-01', 67, 3],
  ])('someone born on %s reaches AOW age at %i years and %i months', (born, years, months) => {
    const [y, m, d] = born.split('-').map(Number) as [number, number, number];
    expect(statePensionAgeFor(pension, { year: y, month: m, day: d })).toEqual({ years, months });
  });
});

describe('the eligible-from date', () => {
  const dayOffset = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const isoDay = (min: string, max: string) =>
    fc.integer({ min: Date.parse(`${min}T00:00:00Z`) / 86_400_000, max: Date.parse(`${max}T00:00:00Z`) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

  it('is the first day the visitor is eligible: refused the day before, accepted on the day', () => {
    fc.assert(
      fc.property(isoDay('1955-01-01', '2026-11-24'), fc.option(isoDay('2020-01-01', '2026-11-24'), { nil: undefined }), isoDay('2024-01-01', '2030-12-31'), (birthDate, voucher, day) => {
        fc.pre(birthDate <= day && (voucher === undefined || voucher <= day));
        const answers: Answers = { ...adult, birthDate, ...(voucher ? { hadVoucher: true, lastVoucherDate: voucher } : {}) };
        const outcome = evaluateEligibility(rules, answers, { today: day, language: 'nl' });
        if (outcome.status !== 'notEligible' || !outcome.eligibleFrom) return;
        expect(evaluateEligibility(rules, answers, { today: outcome.eligibleFrom, language: 'nl' }).status).toBe('eligible');
        expect(evaluateEligibility(rules, answers, { today: dayOffset(outcome.eligibleFrom, -1), language: 'nl' }).status).toBe('notEligible');
      }),
      { numRuns: 400 },
    );
  });
});
