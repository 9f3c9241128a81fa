import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../shared/content/localized-text';
import type { Question } from '../../../../shared/eligibility/rule-set-schema';
import { TextField } from '../keyboard/TextField';
import { StepIndicator } from '../screens/StepIndicator';
import { parseDateAnswer, type DateParts } from './date-answer';

export type Answer = boolean | string;

interface Props {
  question: Question;
  step: number;
  total: number;
  answer: Answer | undefined;
  onAnswer(answer: Answer): void;
}

/** One question per screen, big answers; the toolbar's back button goes to the previous question. */
export function QuestionStep({ question, step, total, answer, onAnswer }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="flow" data-screen="eligibility-question" data-question={question.id}>
      <StepIndicator step={step} total={total} />
      <h1 id="screen-title" tabIndex={-1}>
        {pickText(question.prompt, i18n.language)}
      </h1>
      {question.help && <p className="lead">{pickText(question.help, i18n.language)}</p>}
      {question.kind === 'yesNo' && (
        <div className="answers">
          {[true, false].map((value) => (
            <button key={String(value)} type="button" className="button button--answer" aria-pressed={answer === value} onClick={() => onAnswer(value)}>
              {value ? t('eligibility.yes') : t('eligibility.no')}
            </button>
          ))}
        </div>
      )}
      {question.kind === 'choice' && (
        <div className="answers answers--list">
          {question.options.map((option) => (
            <button key={option.value} type="button" className="button button--answer" aria-pressed={answer === option.value} onClick={() => onAnswer(option.value)}>
              {pickText(option.label, i18n.language)}
            </button>
          ))}
        </div>
      )}
      {question.kind === 'date' && <DateQuestion initial={typeof answer === 'string' ? answer : undefined} onAnswer={onAnswer} />}
    </div>
  );
}

function DateQuestion({ initial, onAnswer }: { initial: string | undefined; onAnswer(iso: string): void }) {
  const { t } = useTranslation();
  const [year = '', month = '', day = ''] = initial?.split('-') ?? [];
  const [parts, setParts] = useState<DateParts>({ day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year });
  const [problem, setProblem] = useState<string | undefined>();
  const set = (key: keyof DateParts) => (value: string) => setParts((p) => ({ ...p, [key]: value.replace(/\D/g, '') }));
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = parseDateAnswer(parts, new Date());
        if (result.ok) onAnswer(result.iso);
        else setProblem(t(`eligibility.date.${result.problem}`));
      }}
    >
      <fieldset className="date-fields" aria-describedby={problem ? 'date-problem' : undefined}>
        <legend className="visually-hidden">{t('eligibility.date.legend')}</legend>
        <TextField name="day" type="tel" label={t('eligibility.date.day')} value={parts.day} maxLength={2} onChange={set('day')} />
        <TextField name="month" type="tel" label={t('eligibility.date.month')} value={parts.month} maxLength={2} onChange={set('month')} />
        <TextField name="year" type="tel" label={t('eligibility.date.year')} value={parts.year} maxLength={4} onChange={set('year')} />
      </fieldset>
      {problem && (
        <p className="field__error" id="date-problem" role="alert">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('flow.next')}
        </button>
      </div>
    </form>
  );
}
