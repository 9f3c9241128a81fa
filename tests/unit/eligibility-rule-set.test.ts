import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app-core';
import { demoDeviceConfig } from '../../electron/core/config/demo-config';
import { createEligibilityHandlers, dutchCalendarDay } from '../../electron/core/eligibility/eligibility-handlers';
import { createLogger } from '../../electron/core/log/logger';
import { addYearsAndMonths, compareDates, daysInMonth, formatIsoDate, parseIsoDate } from '../../shared/eligibility/calendar-dates';
import { EligibilityRuleSetSchema } from '../../shared/eligibility/rule-set-schema';
import { formatIssues } from '../../shared/validation/format-issues';
import { resourcesDir, tempDir } from '../support/paths';

const source = JSON.parse(readFileSync(join(resourcesDir, 'content', 'source', 'eligibility.json'), 'utf8')) as {
  questions: Record<string, unknown>[];
  rules: Record<string, unknown>[];
};

function issuesOf(candidate: unknown): string[] {
  const parsed = EligibilityRuleSetSchema.safeParse(candidate);
  return parsed.success ? [] : formatIssues(parsed.error).map((i) => `${i.path}: ${i.message}`);
}

describe('the eligibility rule set as data', () => {
  it('accepts the shipped default rules', () => {
    expect(issuesOf(source)).toEqual([]);
  });

  it('names a rule that asks a question which does not exist', () => {
    const rules = source.rules.map((r) => (r.id === 'lives-in-nl' ? { ...r, question: 'livesInBelgium' } : r));
    expect(issuesOf({ ...source, rules })).toEqual(['rules[2].question: rule refers to question "livesInBelgium", which does not exist']);
  });

  it('refuses an age rule pointed at a yes/no question', () => {
    const rules = source.rules.map((r) => (r.id === 'min-age' ? { ...r, question: 'hasBenefit' } : r));
    expect(issuesOf({ ...source, rules })[0]).toMatch(/question "hasBenefit" is a yesNo question; this rule needs date/);
  });

  it('refuses an AOW table out of order, since the first matching row wins', () => {
    const rules = source.rules.map((r) =>
      r.kind === 'belowStatePensionAge' ? { ...r, table: [...(r.table as unknown[])].reverse() } : r,
    );
    expect(issuesOf({ ...source, rules })).toEqual(['rules[1].table: rows must be sorted by bornBefore, oldest first']);
  });

  it('refuses a rule id used twice and a voucher period of zero years', () => {
    const rules = [...source.rules, { ...source.rules[0] }].map((r) => (r.kind === 'noVoucherWithin' ? { ...r, periodYears: 0 } : r));
    const issues = issuesOf({ ...source, rules });
    expect(issues).toContain('rules[6].id: rule "min-age" is defined twice');
    expect(issues.some((i) => i.startsWith('rules[3].periodYears'))).toBe(true);
  });

  it('requires Dutch and English for every text the visitor sees', () => {
    const questions = source.questions.map((q, i) => (i === 0 ? { ...q, prompt: { nl: 'Wat is je geboortedatum?' } } : q));
    expect(issuesOf({ ...source, questions })).toEqual(['questions[0].prompt.en: Invalid input: expected string, received undefined']);
  });
});

describe('calendar dates', () => {
  const anyDate = fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter((d) => d.day <= daysInMonth(d.year, d.month));

  it('adding years and months always gives a real date, never earlier than the same day-of-month would', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 11 }), (date, years, months) => {
        const result = addYearsAndMonths(date, years, months);
        expect(parseIsoDate(formatIsoDate(result))).toEqual(result);
        const monthsApart = (result.year - date.year) * 12 + result.month - date.month;
        expect(monthsApart === years * 12 + months ? result.day === date.day : result.day === 1 && monthsApart === years * 12 + months + 1).toBe(true);
        expect(compareDates(result, date)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('moves 31 August plus six months to 1 March', () => {
    expect(formatIsoDate(addYearsAndMonths({ year: 2024, month: 8, day: 31 }, 0, 6))).toBe('2025-03-01');
    expect(formatIsoDate(addYearsAndMonths({ year: 2024, month: 8, day: 31 }, 3, 6))).toBe('2028-03-01');
  });

  it('uses the Dutch calendar day, not UTC, for "today"', () => {
    expect(dutchCalendarDay(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(dutchCalendarDay(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
    expect(dutchCalendarDay(new Date('2026-07-31T21:30:00Z'))).toBe('2026-07-31');
  });
});

describe('eligibility over the contract', () => {
  const core = () =>
    createCore({ config: demoDeviceConfig, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('elig'), shell: 'browser', logger: createLogger(() => undefined) });

  it('gives the questions in the visitor\'s language and checks answers with the shipped rules', async () => {
    const { dispatch } = core();
    const questions = await dispatch('eligibility.questions', { language: 'en' }, { transport: 'test', client: 'test' });
    expect(questions).toMatchObject({ ok: true, result: { ruleSetVersion: '2026.11-default' } });
    if (!questions.ok) return;
    const { questions: list } = questions.result as { questions: { id: string; prompt: string }[] };
    expect(list[0]).toMatchObject({ id: 'birthDate', prompt: 'What is your date of birth?' });
    const checked = await dispatch(
      'eligibility.check',
      { language: 'nl', answers: { birthDate: '1988-04-12', livesInNetherlands: true, hadVoucher: false, openTrajectory: false, hasBenefit: true } },
      { transport: 'test', client: 'test' },
    );
    expect(checked).toMatchObject({ ok: true, result: { status: 'needsStaff', reasons: [{ rule: 'no-benefit', code: 'failed' }] } });
  });

  it('rejects a flood of answers and an unknown language before the engine runs', async () => {
    const { dispatch } = core();
    const flood = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${String.fromCharCode(97 + i)}`, true]));
    expect(await dispatch('eligibility.check', { language: 'nl', answers: flood }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('eligibility.check', { language: 'xx', answers: {} }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('says the rules are unavailable instead of guessing when none could be loaded', async () => {
    const handlers = createEligibilityHandlers({ ruleSet: () => null, today: () => '2026-11-24' });
    expect(() => handlers['eligibility.check']({ answers: {}, language: 'nl' }, { transport: 'test', client: 'test' })).toThrow(/not available on this device/);
  });
});
