import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unknownAnswer, type AnswerProblem, type LocalizedQuestion } from '../../../../shared/eligibility/outcome-schema';
import { partLanguage } from '../../i18n/i18n';
import { TextField } from '../keyboard/TextField';
import { StepIndicator } from '../screens/StepIndicator';
import { dateAnswerFrom, datePartsFrom, type DateParts } from './date-answer';

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
      {problem && (
        <p className="field__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(`eligibility.problems.${problem}`)}
        </p>
      )}
      {question.kind === 'date' ? (
        <DateQuestion key={question.id} allowMonthOnly={question.allowMonthOnly} initial={typeof answer === 'string' ? answer : undefined} busy={busy} onAnswer={onAnswer} />
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

function DateQuestion({ allowMonthOnly, initial, busy, onAnswer }: { allowMonthOnly: boolean; initial: string | undefined; busy: boolean; onAnswer(iso: string): void }) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<DateParts>(() => datePartsFrom(initial));
  const [incomplete, setIncomplete] = useState(false);
  const set = (key: keyof DateParts) => (value: string) => setParts((p) => ({ ...p, [key]: value.replace(/\D/g, '') }));
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const answer = dateAnswerFrom(parts, allowMonthOnly);
        setIncomplete(answer === 'incomplete');
        if (answer !== 'incomplete') onAnswer(answer);
      }}
    >
      <fieldset className="date-fields">
        <legend className="visually-hidden">{t('eligibility.date.legend')}</legend>
        <TextField name="day" type="tel" label={allowMonthOnly ? t('eligibility.date.dayOptional') : t('eligibility.date.day')} value={parts.day} maxLength={2} onChange={set('day')} />
        <TextField name="month" type="tel" label={t('eligibility.date.month')} value={parts.month} maxLength={2} onChange={set('month')} />
        <TextField name="year" type="tel" label={t('eligibility.date.year')} value={parts.year} maxLength={4} onChange={set('year')} />
      </fieldset>
      {incomplete && (
        <p className="field__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {allowMonthOnly ? t('eligibility.date.incompleteMonth') : t('eligibility.date.incomplete')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('flow.next')}
        </button>
      </div>
    </form>
  );
}
