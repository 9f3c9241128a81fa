import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import type { VoucherStep } from '../navigation/routes';
import { ChoiceTile } from '../screens/ChoiceTile';
import { StepIndicator } from '../screens/StepIndicator';
import { useVisit } from '../visit/visit-context';
import { Trajectory } from '../../../../shared/content/pack-schema';
import { trajectoryIcons } from './trajectories';

const formSteps: readonly VoucherStep[] = ['trajectory', 'contact', 'consent', 'check'];

export function VoucherFlow({ step }: { step: VoucherStep }) {
  const index = formSteps.indexOf(step);
  return (
    <div className="flow" data-screen={`voucher-${step}`}>
      {index >= 0 && <StepIndicator step={index + 1} total={formSteps.length} />}
      {step === 'trajectory' && <TrajectoryStep />}
      {step === 'contact' && <ContactStep />}
      {step === 'consent' && <ConsentStep />}
      {step === 'check' && <CheckStep />}
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
                dispatch({ type: 'voucher', patch: { trajectory: id } });
                go({ screen: 'voucher', step: 'contact' });
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function ContactStep() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const { visit, dispatch } = useVisit();
  const [tried, setTried] = useState(false);
  const { name, email, phone } = visit.voucher;
  const errors = {
    name: name.trim() ? undefined : t('voucher.contact.nameMissing'),
    reach: email.trim() || phone.trim() ? undefined : t('voucher.contact.reachMissing'),
  };
  const next = (): void => {
    setTried(true);
    if (!errors.name && !errors.reach) go({ screen: 'voucher', step: 'consent' });
  };
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
          next();
        }}
      >
        <TextField name="name" label={t('voucher.contact.name')} autoComplete="name" value={name} error={tried ? errors.name : undefined} onChange={(v) => dispatch({ type: 'voucher', patch: { name: v } })} />
        <TextField name="email" label={t('voucher.contact.email')} hint={t('voucher.contact.emailHint')} autoComplete="email" value={email} error={tried ? errors.reach : undefined} onChange={(v) => dispatch({ type: 'voucher', patch: { email: v } })} />
        <TextField name="phone" type="tel" label={t('voucher.contact.phone')} hint={t('voucher.contact.phoneHint')} autoComplete="tel" value={phone} onChange={(v) => dispatch({ type: 'voucher', patch: { phone: v } })} />
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
  const { go } = useKiosk();
  const { visit, dispatch } = useVisit();
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
            dispatch({ type: 'voucher', patch: { consent: true } });
            go({ screen: 'voucher', step: 'check' });
          }}
        >
          {t('voucher.consent.yes')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            dispatch({ type: 'voucher', patch: { consent: false } });
            go({ screen: 'ticket' });
          }}
        >
          {t('voucher.consent.no')}
        </button>
      </div>
      {visit.voucher.consent && <p className="note">{t('voucher.consent.given')}</p>}
    </>
  );
}

function CheckStep() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const { visit } = useVisit();
  const v = visit.voucher;
  const rows: Array<{ label: string; value: string; step: VoucherStep }> = [
    { label: t('voucher.check.trajectory'), value: v.trajectory ? t(`trajectory.${v.trajectory}.name`) : '-', step: 'trajectory' },
    { label: t('voucher.contact.name'), value: v.name, step: 'contact' },
    { label: t('voucher.contact.email'), value: v.email || '-', step: 'contact' },
    { label: t('voucher.contact.phone'), value: v.phone || '-', step: 'contact' },
  ];
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
            <dd>{row.value}</dd>
            <dd className="summary__change">
              <button type="button" className="button button--small" onClick={() => go({ screen: 'voucher', step: row.step })} aria-label={t('voucher.check.changeField', { field: row.label })}>
                {t('voucher.check.change')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
