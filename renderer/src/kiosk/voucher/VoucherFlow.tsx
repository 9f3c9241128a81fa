import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../../../shared/contract/languages';
import { voucherConsentPurpose } from '../../../../shared/contract/requests-channels';
import { Trajectory } from '../../../../shared/domain/trajectory';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import type { VoucherStep } from '../navigation/routes';
import { ChoiceTile } from '../screens/ChoiceTile';
import { useCall } from '../data/use-call';
import { ErrorNotice } from '../screens/ErrorNotice';
import { Loading } from '../screens/Loading';
import { StepIndicator } from '../screens/StepIndicator';
import { useVisit, type ChosenProvider } from '../visit/visit-context';
import { partLanguage } from '../../i18n/i18n';
import { draftWithTrajectory } from './chosen-provider';
import { canRequest } from '../../../../shared/eligibility/can-request';
import { providerSummary } from '../information/provider-summary';
import { contactFrom, contactProblems } from './contact-errors';
import { trajectoryIcons } from './trajectories';
import { VoucherDone } from './VoucherDone';
import { talkRoute } from '../appointments/outpost';

const formSteps: readonly VoucherStep[] = ['trajectory', 'provider', 'contact', 'consent', 'check'];

export function VoucherFlow({ step }: { step: VoucherStep }) {
  const index = formSteps.indexOf(step);
  return (
    <div className="flow" data-screen={`voucher-${step}`}>
      {index >= 0 && <StepIndicator step={index + 1} total={formSteps.length} />}
      {step === 'trajectory' && <TrajectoryStep />}
      {step === 'provider' && <ProviderStep />}
      {step === 'contact' && <ContactStep />}
      {step === 'consent' && <ConsentStep />}
      {step === 'check' && <CheckStep />}
      {step === 'done' && <VoucherDone />}
    </div>
  );
}

function TrajectoryStep() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const { visit, dispatch } = useVisit();
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('voucher.trajectory.title')}
      </h1>
      <p className="lead">{t('voucher.trajectory.intro')}</p>
      <ChosenProviderNote />
      <ul className="tiles tiles--list">
        {Trajectory.options.map((id) => (
          <li key={id}>
            <ChoiceTile
              icon={trajectoryIcons[id]}
              title={t(`trajectory.${id}.name`)}
              description={t(`trajectory.${id}.explain`)}
              pressed={visit.voucher.trajectory === id}
              testId={`trajectory-${id}`}
              onClick={() => {
                dispatch({ type: 'voucher', patch: draftWithTrajectory(visit.voucher, id) });
                go({ screen: 'voucher', step: 'provider' });
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The provider chosen on its information page, named on the steps that could change it. */
function ChosenProviderNote() {
  const { t, i18n } = useTranslation();
  const { visit } = useVisit();
  const chosen = visit.voucher.provider;
  if (!chosen) return null;
  return (
    <p className="note" data-testid="chosen-provider">
      {t('voucher.provider.chosen')} <strong {...partLanguage('nl', i18n.language)}>{chosen.name}</strong>
    </p>
  );
}

/** Optional: the visitor may pick a provider now ("eigen regie") or leave it for later. */
function ProviderStep() {
  const { t, i18n } = useTranslation();
  const { go, info } = useKiosk();
  const { visit, dispatch } = useVisit();
  const trajectory = visit.voucher.trajectory ?? undefined;
  const providers = useCall('content.providers', { region: info.region, ...(trajectory ? { trajectory } : {}) });
  const chosen = visit.voucher.provider;
  const choose = (provider: ChosenProvider | null): void => {
    dispatch({ type: 'voucher', patch: { provider } });
    go({ screen: 'voucher', step: 'contact' });
  };
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('voucher.provider.title')}
      </h1>
      <p className="lead">{t('voucher.provider.intro')}</p>
      <ChosenProviderNote />
      <div className="actions actions--stacked">
        {chosen && (
          <button type="button" className="button button--primary button--big" data-testid="provider-keep" onClick={() => choose(chosen)}>
            {t('voucher.provider.keep')}
          </button>
        )}
        <button type="button" className={chosen ? 'button' : 'button button--primary'} data-testid="provider-later" onClick={() => choose(null)}>
          {t('voucher.provider.later')}
        </button>
      </div>
      {providers.kind === 'loading' && <Loading />}
      {providers.kind === 'failed' && <ErrorNotice message={t('voucher.provider.failed')} />}
      {providers.kind === 'ready' && (
        <ul className="tiles tiles--list">
          {providers.data.map((provider) => (
            <li key={provider.id}>
              <ChoiceTile
                icon="providers"
                title={provider.name}
                description={providerSummary(provider, t)}
                part={partLanguage('nl', i18n.language)}
                pressed={visit.voucher.provider?.id === provider.id}
                testId={`choose-provider-${provider.id}`}
                onClick={() => choose({ id: provider.id, name: provider.name, services: provider.services })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ContactStep() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const { visit, dispatch } = useVisit();
  const [tried, setTried] = useState(false);
  const { name, email, phone } = visit.voucher;
  const problems = contactProblems(visit.voucher);
  const shown = tried ? problems : {};
  const message = (key: string | undefined): string | undefined => (key ? t(`voucher.contact.${key}`) : undefined);
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('voucher.contact.title')}
      </h1>
      <p className="lead">{t('voucher.contact.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(problems).length === 0) go({ screen: 'voucher', step: 'consent' });
        }}
      >
        <TextField name="name" keys="name" label={t('voucher.contact.name')} autoComplete="name" maxLength={100} value={name} error={message(shown.name)} onChange={(v) => dispatch({ type: 'voucher', patch: { name: v } })} />
        <TextField name="email" keys="email" label={t('voucher.contact.email')} hint={t('voucher.contact.emailHint')} autoComplete="email" maxLength={254} value={email} error={message(shown.email)} onChange={(v) => dispatch({ type: 'voucher', patch: { email: v } })} />
        <TextField name="phone" keys="tel" label={t('voucher.contact.phone')} hint={t('voucher.contact.phoneHint')} autoComplete="tel" maxLength={20} value={phone} error={message(shown.phone)} onChange={(v) => dispatch({ type: 'voucher', patch: { phone: v } })} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('flow.next')}
          </button>
        </div>
      </form>
    </>
  );
}

function ConsentStep() {
  const { t } = useTranslation();
  const { go, info } = useKiosk();
  const { dispatch } = useVisit();
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('voucher.consent.title')}
      </h1>
      <ul className="plain-list">
        <li>{t('voucher.consent.purpose')}</li>
        <li>{t('voucher.consent.who')}</li>
        <li>{t('voucher.consent.keep')}</li>
      </ul>
      <div className="actions actions--stacked">
        <button
          type="button"
          className="button button--primary"
          data-testid="consent-yes"
          onClick={() => {
            dispatch({ type: 'voucher', patch: { consentAt: new Date().toISOString() } });
            go({ screen: 'voucher', step: 'check' });
          }}
        >
          {t('voucher.consent.yes')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            dispatch({ type: 'voucher', patch: { consentAt: null } });
            go(talkRoute(info));
          }}
        >
          {t('voucher.consent.no')}
        </button>
      </div>
    </>
  );
}

function CheckStep() {
  const { t, i18n } = useTranslation();
  const { go, reset, bridge } = useKiosk();
  const { visit, dispatch } = useVisit();
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const v = visit.voucher;
  const rows: Array<{ label: string; value: string; step: VoucherStep; part?: { lang?: string; dir?: 'ltr' | 'rtl' } }> = [
    { label: t('voucher.check.trajectory'), value: v.trajectory ? t(`trajectory.${v.trajectory}.name`) : '-', step: 'trajectory' },
    { label: t('voucher.check.provider'), value: v.provider?.name ?? t('voucher.check.noProvider'), step: 'provider', ...(v.provider ? { part: partLanguage('nl', i18n.language) } : {}) },
    { label: t('voucher.contact.name'), value: v.name, step: 'contact' },
    { label: t('voucher.contact.email'), value: v.email || '-', step: 'contact' },
    { label: t('voucher.contact.phone'), value: v.phone || '-', step: 'contact' },
  ];

  const send = async (): Promise<void> => {
    if (!v.trajectory) return go({ screen: 'voucher', step: 'trajectory' });
    if (!v.consentAt) return go({ screen: 'voucher', step: 'consent' });
    if (!canRequest(visit.eligibility)) return go({ screen: 'eligibility', step: 'start' });
    setState('sending');
    try {
      const result = await bridge.call('voucher.start', {
        trajectory: v.trajectory,
        ...(v.provider ? { providerId: v.provider.id } : {}),
        contact: contactFrom(v),
        consent: { purpose: voucherConsentPurpose, at: v.consentAt },
        // The core re-runs the rules on the answers; the outcome this screen saw only decides whether to ask.
        answers: visit.answers,
        language: LanguageCode.catch('nl').parse(i18n.language),
      });
      dispatch({ type: 'started', result });
      reset([{ screen: 'welcome' }, { screen: 'home' }, { screen: 'voucher', step: 'done' }]);
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('voucher.check.title')}
      </h1>
      <p className="lead">{t('voucher.check.intro')}</p>
      <dl className="summary">
        {rows.map((row) => (
          <div className="summary__row" key={row.label}>
            <dt>{row.label}</dt>
            <dd {...row.part}>{row.value}</dd>
            <dd className="summary__change">
              <button type="button" className="button button--small" onClick={() => go({ screen: 'voucher', step: row.step })} aria-label={t('voucher.check.changeField', { field: row.label })}>
                {t('voucher.check.change')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      {state === 'failed' && <ErrorNotice message={t('voucher.check.failed')} />}
      <div className="actions">
        <button type="button" className="button button--primary button--big" data-testid="voucher-send" disabled={state === 'sending'} onClick={() => void send()}>
          {state === 'sending' ? t('voucher.check.sending') : t('voucher.check.send')}
        </button>
      </div>
    </>
  );
}
