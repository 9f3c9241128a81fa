import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopContact } from '../../../../shared/contract/appointments-channels';
import { pickText } from '../../../../shared/content/localized-text';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import { ReferenceQr } from '../voucher/ReferenceQr';
import type { ContactDraft } from './contact-draft';
import { clockParts, dayInWords } from './when';

/** "dinsdag 14 januari, 10.30 uur": the day and the time on the shop's clock, in the visitor's language. */
export function useWhen(): (iso: string) => string {
  const { t, i18n } = useTranslation();
  return (iso) => t('appointments.when.dayTime', { day: dayInWords(iso, i18n.language), time: t('appointments.when.time', clockParts(iso, i18n.language)) });
}

export function useTimeOnly(): (iso: string) => string {
  const { t, i18n } = useTranslation();
  return (iso) => t('appointments.when.time', clockParts(iso, i18n.language));
}

/**
 * The agenda cannot be reached: said in plain words, with how to reach the shop instead. Nothing
 * was booked, and the screen says so, so nobody leaves thinking they have an appointment.
 */
export function UnreachableNotice({ contact }: { contact: ShopContact | null }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="notice notice--error appointment-offline" role="alert" data-testid="booking-unreachable">
      <p>
        <span aria-hidden="true">⚠ </span>
        {t('appointments.offline.title')}
      </p>
      <p>{t('appointments.offline.nothingBooked')}</p>
      {contact && (
        <dl className="summary summary--facts">
          <div className="summary__row">
            <dt>{t('appointments.offline.shop')}</dt>
            <dd>{contact.name}</dd>
          </div>
          {contact.phone && (
            <div className="summary__row">
              <dt>{t('appointments.offline.phone')}</dt>
              <dd data-testid="shop-phone" dir="ltr">{contact.phone}</dd>
            </div>
          )}
          <div className="summary__row">
            <dt>{t('appointments.offline.hours')}</dt>
            <dd lang={contact.openingHours[i18n.language] ? i18n.language : 'en'}>{pickText(contact.openingHours, i18n.language)}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}

/** The code as text and as a QR that holds the code and nothing else. */
export function CodeAndQr({ code, label }: { code: string; label: string }) {
  return (
    <div className="reference">
      <div>
        <p className="reference__label">{label}</p>
        <p className="reference__code" data-testid="appointment-code" dir="ltr">
          {code}
        </p>
      </div>
      <ReferenceQr reference={code} />
    </div>
  );
}

export function StepTitle({ children }: { children: ReactNode }) {
  return (
    <h1 id="screen-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

/** The contact step's form for an appointment and a seat alike: the fields, then one big button. */
export function ContactForm(props: { draft: ContactDraft; onChange(draft: ContactDraft): void; sending: boolean; label: string; sendingLabel: string; testId: string; onSubmit(): void }) {
  const { t } = useTranslation();
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <p className="lead">{t('appointments.contact.intro')}</p>
      <TextField name="firstName" keys="name" label={t('appointments.contact.firstName')} hint={t('appointments.contact.firstNameHint')} autoComplete="given-name" maxLength={40} value={props.draft.firstName} onChange={(firstName) => props.onChange({ ...props.draft, firstName })} />
      <div className="actions">
        <button type="submit" className="button button--primary button--big" data-testid={props.testId} disabled={props.sending}>
          {props.sending ? props.sendingLabel : props.label}
        </button>
      </div>
    </form>
  );
}

/** "Done": the visit ends and everything of it is erased. */
export function FinishButton() {
  const { t } = useTranslation();
  const { finish } = useKiosk();
  return (
    <div className="actions">
      <button type="button" className="button button--primary" onClick={finish}>
        {t('appointments.done.finish')}
      </button>
    </div>
  );
}
