import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/contract/desk-channels';
import { languageDefinition, languages, LanguageCode } from '../../../shared/contract/languages';
import type { ProviderSchema } from '../../../shared/content/pack-schema';
import { Trajectory } from '../../../shared/domain/trajectory';
import type { EligibilityOutcome, LocalizedQuestion } from '../../../shared/eligibility/outcome-schema';
import type { z } from 'zod';
import { BridgeCallError, type Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { Field, SelectField } from './Field';
import { answersFrom, deskStartPayload, errorKeysFor, type NewRequestDraft } from './new-request-draft';

type Provider = z.infer<typeof ProviderSchema>;

interface Props {
  bridge: Bridge;
  /** The location's region: providers are offered from it first, as on the kiosk. */
  region: string;
  onStarted(request: RequestDetail): void;
  onSignedOut(): void;
}

const emptyDraft: NewRequestDraft = { answers: {}, trajectory: '', providerId: '', name: '', email: '', phone: '', language: 'nl', consent: false };

/**
 * A request for a walk-in who skipped the kiosk, on one form: the eligibility questions (in Dutch
 * for staff; the visitor's language is recorded apart), trajectory, provider, contact and consent.
 * The core decides the outcome from the answers; its refusals land at the fields they name.
 */
export function NewRequestForm({ bridge, region, onStarted, onSignedOut }: Props) {
  const { t } = useTranslation();
  const [questions, setQuestions] = useState<LocalizedQuestion[] | null>(null);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [draft, setDraft] = useState<NewRequestDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [focusError, setFocusError] = useState(0);
  const [outcome, setOutcome] = useState<EligibilityOutcome['status'] | null>(null);

  const fail = (err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err))));

  useEffect(() => {
    heading.current?.focus();
    bridge.call('eligibility.questions', { language: 'nl' }).then(
      (found) => setQuestions(found.questions),
      (err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t('counter.newRequest.noRules'))),
    );
  }, [bridge, onSignedOut, t]);

  const trajectory = Trajectory.safeParse(draft.trajectory);
  const trajectoryValue = trajectory.success ? trajectory.data : undefined;
  // As on the kiosk: the providers of the region that offer the chosen trajectory. A provider chosen
  // for another trajectory is dropped rather than sent for the core to refuse.
  useEffect(() => {
    let current = true;
    const offered = (list: Provider[]) => {
      if (!current) return;
      setProviders(list);
      setDraft((d) => (d.providerId === '' || list.some((p) => p.id === d.providerId) ? d : { ...d, providerId: '' }));
    };
    if (trajectoryValue) bridge.call('content.providers', { region, trajectory: trajectoryValue }).then(offered, () => offered([]));
    else offered([]);
    return () => {
      current = false;
    };
  }, [bridge, region, trajectoryValue]);

  // The outcome so far, as the core will decide it on submit: staff see it while they ask.
  const typedAnswers = draft.answers;
  const answers = useMemo(() => (questions ? answersFrom({ answers: typedAnswers }, questions) : null), [typedAnswers, questions]);
  useEffect(() => {
    if (answers === null) return;
    let current = true;
    const timer = setTimeout(() => {
      bridge.call('eligibility.check', { answers, language: 'nl' }).then(
        (checked) => current && setOutcome(checked.status),
        () => current && setOutcome(null),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, answers]);

  useEffect(() => {
    if (focusError) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  const set = (patch: Partial<NewRequestDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const answer = (id: string, value: string) => setDraft((d) => ({ ...d, answers: { ...d.answers, [id]: value } }));
  const message = (path: string): string | null => (errors[path] ? t(`counter.newRequest.errors.${errors[path]}`) : null);

  const showIssues = (issues: Parameters<typeof errorKeysFor>[0]) => {
    setErrors(errorKeysFor(issues, draft, questions ?? []));
    setStatus(t('counter.errors.invalid_input'));
    setFocusError((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!questions || busy) return;
    const payload = deskStartPayload(draft, questions);
    if (!payload.ok) return showIssues(payload.issues);
    setBusy(true);
    try {
      const started = await bridge.call('request.startAtDesk', payload.input);
      onStarted(started);
    } catch (err) {
      if (err instanceof BridgeCallError && err.error.code === 'invalid_input' && err.error.issues?.length) showIssues(err.error.issues);
      else fail(err);
    } finally {
      setBusy(false);
    }
  };

  const visitorLanguage = languageDefinition(draft.language);
  const consentIn = (key: string) => t(`voucher.consent.${key}`, { lng: draft.language });

  return (
    <section aria-labelledby="new-request-title" className="new-request">
      <h2 id="new-request-title" ref={heading} tabIndex={-1}>
        {t('counter.newRequest.title')}
      </h2>
      <p>{t('counter.newRequest.intro')}</p>
      <p role="status" className="desk-status">
        {status}
      </p>
      {questions && (
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate className="stack" aria-labelledby="new-request-title" data-testid="new-request-form">
          <fieldset className="stack desk-panel" aria-describedby={errors.answers ? 'answers-error' : undefined}>
            <legend>{t('counter.newRequest.eligibilityTitle')}</legend>
            {errors.answers && (
              <p className="field__error" id="answers-error">
                {message('answers')}
              </p>
            )}
            {questions.map((q) => (
              <Question key={q.id} question={q} value={draft.answers[q.id] ?? ''} error={message(`answers.${q.id}`)} onChange={(v) => answer(q.id, v)} />
            ))}
            {outcome && (
              <p className="new-request__outcome" data-testid="outcome-preview">
                {t('counter.newRequest.outcomeSoFar')} <strong>{t(`counter.newRequest.outcomes.${outcome}`)}</strong>
              </p>
            )}
          </fieldset>

          <fieldset className="stack desk-panel">
            <legend>{t('counter.newRequest.trajectoryTitle')}</legend>
            <SelectField label={t('counter.request.trajectory')} value={draft.trajectory} error={message('trajectory')} onChange={(e) => set({ trajectory: e.target.value })}>
              <option value="">{t('counter.newRequest.chooseTrajectory')}</option>
              {Trajectory.options.map((x) => (
                <option key={x} value={x}>
                  {t(`trajectory.${x}.name`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('counter.newRequest.provider')} hint={trajectoryValue ? undefined : t('counter.newRequest.providerAfterTrajectory')} value={draft.providerId} error={message('providerId')} onChange={(e) => set({ providerId: e.target.value })}>
              <option value="">{t('counter.newRequest.providerLater')}</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.address.city})
                </option>
              ))}
            </SelectField>
          </fieldset>

          <fieldset className="stack desk-panel">
            <legend>{t('counter.newRequest.contactTitle')}</legend>
            <Field label={t('counter.request.name')} autoComplete="off" maxLength={100} value={draft.name} error={message('contact.name')} onChange={(e) => set({ name: e.target.value })} />
            <Field label={t('counter.newRequest.email')} hint={t('counter.newRequest.reachHint')} type="email" autoComplete="off" maxLength={254} value={draft.email} error={message('contact.email')} onChange={(e) => set({ email: e.target.value })} />
            <Field label={t('counter.newRequest.phone')} type="tel" autoComplete="off" maxLength={20} value={draft.phone} error={message('contact.phone')} onChange={(e) => set({ phone: e.target.value })} />
            <SelectField label={t('counter.newRequest.language')} hint={t('counter.newRequest.languageHint')} value={draft.language} onChange={(e) => set({ language: LanguageCode.catch('nl').parse(e.target.value) })}>
              {languages.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </SelectField>
          </fieldset>

          <fieldset className="stack desk-panel">
            <legend>{t('counter.newRequest.consentTitle')}</legend>
            <p>{t('counter.newRequest.consentIntro')}</p>
            <ul className="plain-list" lang={draft.language} dir={visitorLanguage.dir} data-testid="consent-text">
              <li>{consentIn('purpose')}</li>
              <li>{consentIn('who')}</li>
              <li>{consentIn('keep')}</li>
            </ul>
            <div className="field">
              <div className="choice">
                <input
                  id="new-consent"
                  type="checkbox"
                  checked={draft.consent}
                  aria-invalid={errors.consentConfirmed ? true : undefined}
                  aria-describedby={errors.consentConfirmed ? 'new-consent-error' : undefined}
                  onChange={(e) => set({ consent: e.target.checked })}
                />
                <label htmlFor="new-consent">{t('counter.newRequest.consentConfirm')}</label>
              </div>
              {errors.consentConfirmed && (
                <p className="field__error" id="new-consent-error">
                  {message('consentConfirmed')}
                </p>
              )}
            </div>
          </fieldset>
          {errors.form && <p className="field__error">{message('form')}</p>}
          <div className="desk-actions">
            <button type="submit" className="desk-button desk-button--primary" disabled={busy}>
              {t('counter.newRequest.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** One eligibility question in the control its kind needs; "don't know" only where the rules allow it. */
function Question({ question, value, error, onChange }: { question: LocalizedQuestion; value: string; error: string | null; onChange(value: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  if (question.kind === 'date') {
    return (
      <Field
        label={question.prompt}
        hint={[question.help, t(question.allowMonthOnly ? 'counter.newRequest.monthHint' : 'counter.newRequest.dateHint')].filter(Boolean).join(' ')}
        autoComplete="off"
        maxLength={12}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
        data-question={question.id}
      />
    );
  }
  if (question.kind === 'choice') {
    return (
      <SelectField label={question.prompt} hint={question.help} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('counter.newRequest.chooseAnswer')}</option>
        {question.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {question.allowUnknown && <option value="unknown">{t('counter.newRequest.unknown')}</option>}
      </SelectField>
    );
  }
  const choices = [
    { value: 'yes', label: t('counter.newRequest.yes') },
    { value: 'no', label: t('counter.newRequest.no') },
    ...(question.allowUnknown ? [{ value: 'unknown', label: t('counter.newRequest.unknown') }] : []),
  ];
  const errorId = `${id}-error`;
  const described = [question.help && `${id}-help`, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field field--choices" aria-describedby={described} data-question={question.id}>
      <legend>{question.prompt}</legend>
      {question.help && (
        <p className="field__hint" id={`${id}-help`}>
          {question.help}
        </p>
      )}
      <div className="choices">
        {choices.map((c) => (
          <label key={c.value} className="choice">
            <input type="radio" name={`${id}-${question.id}`} value={c.value} checked={value === c.value} aria-invalid={error ? true : undefined} onChange={() => onChange(c.value)} />
            {c.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
