import { DeskStartInput } from '../../../shared/contract/desk-channels';
import type { LanguageCode } from '../../../shared/contract/languages';
import type { Answers, LocalizedQuestion } from '../../../shared/eligibility/outcome-schema';
import type { FieldIssue } from '../../../shared/validation/format-issues';
import { formatIssues } from '../../../shared/validation/format-issues';

/** The desk's new-request form as typed: every value a string, empty meaning "not given". */
export interface NewRequestDraft {
  /** Per question: "yes" / "no" / "unknown", a choice value, or a date as staff typed it. */
  answers: Record<string, string>;
  trajectory: string;
  providerId: string;
  name: string;
  email: string;
  phone: string;
  language: LanguageCode;
  consent: boolean;
}

/**
 * A date as staff type it in the Netherlands ("14-03-1985", "14/3/1985", "3-2022" for a month)
 * in the ISO form the rules read; anything else is passed on as typed, for the core to refuse.
 */
export function typedDate(text: string): string {
  const value = text.trim();
  const day = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(value);
  if (day) return `${day[3]}-${day[2]?.padStart(2, '0')}-${day[1]?.padStart(2, '0')}`;
  const month = /^(\d{1,2})[-/. ](\d{4})$/.exec(value);
  if (month) return `${month[2]}-${month[1]?.padStart(2, '0')}`;
  return value;
}

/** True when the typed text reads as a date (or, where the question allows it, a month). */
export const readsAsDate = (text: string, monthOnly: boolean): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(typedDate(text)) || (monthOnly && /^\d{4}-\d{2}$/.test(typedDate(text)));

function answerValue(question: LocalizedQuestion | undefined, raw: string): Answers[string] {
  if (raw === 'unknown') return raw;
  if (question?.kind === 'yesNo') return raw === 'yes';
  if (question?.kind === 'date') return typedDate(raw);
  return raw;
}

/** The answers given so far, as the rules read them; questions left empty are left out. */
export function answersFrom(draft: Pick<NewRequestDraft, 'answers'>, questions: readonly LocalizedQuestion[]): Answers {
  return Object.fromEntries(
    Object.entries(draft.answers)
      .filter(([, raw]) => raw.trim() !== '')
      .map(([id, raw]) => [id, answerValue(questions.find((q) => q.id === id), raw)]),
  );
}

/**
 * The channel's input from the draft, checked with the contract's own schema first: the form
 * shows every problem the schema finds at once, and the core adds what only it can judge (the
 * eligibility rules, the provider's offer) in its own answer with the same kind of issues.
 */
export function deskStartPayload(draft: NewRequestDraft, questions: readonly LocalizedQuestion[]): { ok: true; input: DeskStartInput } | { ok: false; issues: FieldIssue[] } {
  const answers = answersFrom(draft, questions);
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const parsed = DeskStartInput.safeParse({
    answers,
    trajectory: optional(draft.trajectory),
    providerId: optional(draft.providerId),
    contact: { name: draft.name.trim(), email: optional(draft.email), phone: optional(draft.phone) },
    language: draft.language,
    consentConfirmed: draft.consent,
  });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, issues: formatIssues(parsed.error) };
}

/**
 * Issue paths (from the schema or the core) to the i18n key of the message shown at that field,
 * under counter.newRequest.errors. The core's English messages are for logs, never shown.
 */
export function errorKeysFor(issues: readonly FieldIssue[], draft: NewRequestDraft, questions: readonly LocalizedQuestion[]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const { path } of issues) {
    if (keys[path]) continue;
    if (path === 'answers') keys[path] = 'notEligible';
    else if (path.startsWith('answers.')) {
      const id = path.slice('answers.'.length);
      const raw = draft.answers[id]?.trim() ?? '';
      const question = questions.find((q) => q.id === id);
      keys[path] = raw === '' ? 'answerNeeded' : question?.kind === 'date' && !readsAsDate(raw, question.allowMonthOnly) ? 'dateFormat' : 'answerInvalid';
    } else if (path === 'contact.email') keys[path] = draft.email.trim() === '' && draft.phone.trim() === '' ? 'reachNeeded' : 'emailInvalid';
    else if (path === 'contact.phone') keys[path] = 'phoneInvalid';
    else if (path === 'contact.name') keys[path] = 'nameNeeded';
    else if (path === 'trajectory') keys[path] = 'trajectoryNeeded';
    else if (path === 'providerId') keys[path] = 'providerInvalid';
    else if (path === 'consentConfirmed') keys[path] = 'consentNeeded';
    else keys.form = 'other';
  }
  return keys;
}
