import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unknownAnswer, type AnswerProblem, type LocalizedQuestion } from '../../../../shared/eligibility/outcome-schema';
import { partLanguage } from '../../i18n/i18n';
import { FieldMessage, TextField, useRefusalText, type RefusalNote } from '../keyboard/TextField';
import { StepIndicator } from '../screens/StepIndicator';
import { dateAnswerFrom, datePartComplete, datePartsFrom, type DateParts } from './date-answer';

export type Answer = boolean | string;

interface Props {
  question: LocalizedQuestion;
  step: number;
  total: number;
  answer: Answer | undefined;
  problem: AnswerProblem | null;
  busy: boolean;
  onAnswer(answer: Answer): void;
}

/** One question per screen, big answers; the toolbar's back button goes to the previous question. */
export function QuestionStep({ question, step, total, answer, problem, busy, onAnswer }: Props) {
  const { t, i18n } = useTranslation();
  const part = partLanguage(question.lang, i18n.language);
  const choices: Array<{ value: Answer; label: string }> =
    question.kind === 'yesNo'
      ? [
          { value: true, label: t('eligibility.yes') },
          { value: false, label: t('eligibility.no') },
        ]
      : question.options.map((o) => ({ value: o.value, label: o.label }));
  return (
    <div className="flow" data-screen="eligibility-question" data-question={question.id}>
      <StepIndicator step={step} total={total} label="eligibility.questionOf" />
      <h1 id="screen-title" tabIndex={-1} {...part}>
        {question.prompt}
      </h1>
      {question.help && (
        <p className="lead" {...part}>
          {question.help}
        </p>
      )}
      {problem && question.kind !== 'date' && (
        <p className="field__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(`eligibility.problems.${problem}`)}
        </p>
      )}
      {question.kind === 'date' ? (
        <DateQuestion key={question.id} allowMonthOnly={question.allowMonthOnly} initial={typeof answer === 'string' ? answer : undefined} problem={problem} busy={busy} onAnswer={onAnswer} />
      ) : (
        <div className={question.kind === 'choice' ? 'answers answers--list' : 'answers'}>
          {choices.map((choice) => (
            <button key={String(choice.value)} type="button" className="button button--answer" aria-pressed={answer === choice.value} disabled={busy} onClick={() => onAnswer(choice.value)}>
              {choice.label}
            </button>
          ))}
        </div>
      )}
      {question.allowUnknown && (
        <div className="actions">
          <button type="button" className="button" aria-pressed={answer === unknownAnswer} disabled={busy} onClick={() => onAnswer(unknownAnswer)}>
            {t('eligibility.unknown')}
          </button>
        </div>
      )}
    </div>
  );
}

const partOrder = ['day', 'month', 'year'] as const;

/**
 * Day, month and year on a number pad. A part typed to the end hands the focus on to the next one,
 * with its text selected so typing replaces it. One reserved line under the parts carries what went
 * wrong: a refused key, a missing part, or the engine's verdict on the date.
 */
function DateQuestion({ allowMonthOnly, initial, problem, busy, onAnswer }: { allowMonthOnly: boolean; initial: string | undefined; problem: AnswerProblem | null; busy: boolean; onAnswer(iso: string): void }) {
  const { t } = useTranslation();
  const messageId = useId();
  const refusalText = useRefusalText();
  const [parts, setParts] = useState<DateParts>(() => datePartsFrom(initial));
  const [incomplete, setIncomplete] = useState(false);
  const [refusal, setRefusal] = useState<RefusalNote | null>(null);
  const refs = { day: useRef<HTMLInputElement>(null), month: useRef<HTMLInputElement>(null), year: useRef<HTMLInputElement>(null) };
  const set = (key: keyof DateParts) => (value: string) => {
    const grew = value.length > parts[key].length;
    setParts((p) => ({ ...p, [key]: value }));
    const next = partOrder[partOrder.indexOf(key) + 1];
    const input = next ? refs[next].current : null;
    if (grew && input && datePartComplete(key, value)) {
      input.focus();
      input.select();
    }
  };
  const message = refusal ? refusalText(refusal) : incomplete ? (allowMonthOnly ? t('eligibility.date.incompleteMonth') : t('eligibility.date.incomplete')) : problem ? t(`eligibility.problems.${problem}`) : null;
  const labels = { day: allowMonthOnly ? t('eligibility.date.dayOptional') : t('eligibility.date.day'), month: t('eligibility.date.month'), year: t('eligibility.date.year') };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const answer = dateAnswerFrom(parts, allowMonthOnly);
        setIncomplete(answer === 'incomplete');
        setRefusal(null);
        if (answer !== 'incomplete') onAnswer(answer);
      }}
    >
      {/* The parts and their one message line: shown together above the keyboard when they fit. */}
      <div className="field-group">
        <fieldset className="date-fields">
          <legend className="visually-hidden">{t('eligibility.date.legend')}</legend>
          {partOrder.map((part) => (
            <TextField
              key={part}
              name={part}
              keys="digits"
              label={labels[part]}
              value={parts[part]}
              maxLength={part === 'year' ? 4 : 2}
              inputRef={refs[part]}
              messageId={messageId}
              onRefusal={setRefusal}
              onChange={set(part)}
            />
          ))}
        </fieldset>
        <FieldMessage id={messageId} message={message} testId="date-message" />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('flow.next')}
        </button>
      </div>
    </form>
  );
}
