import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PartnerKind } from '../../../shared/content/pack-schema';
import type { Bridge } from '../bridge/bridge-client';

/** Prints a referral slip for the visitor at the desk: staff tick up to three kinds of partner; the core picks the region's partners. */
export function ReferralSlipForm({ bridge, onDone, onError }: { bridge: Bridge; onDone(): void; onError(err: unknown): void }) {
  const { t, i18n } = useTranslation();
  const [kinds, setKinds] = useState<PartnerKind[]>([]);
  const toggle = (kind: PartnerKind): void => setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : current.length < 3 ? [...current, kind] : current));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (kinds.length === 0) return;
    bridge.call('referral.print', { language: i18n.language === 'en' ? 'en' : 'nl', kinds }).then(() => {
      setKinds([]);
      onDone();
    }, onError);
  };
  return (
    <form onSubmit={submit} aria-labelledby="referral-slip-title" className="desk-actions">
      <fieldset>
        <legend id="referral-slip-title">{t('referral.desk.title')}</legend>
        {PartnerKind.options.map((kind) => (
          <label key={kind} className="field">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} disabled={!kinds.includes(kind) && kinds.length >= 3} /> {t(`referral.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="desk-button" disabled={kinds.length === 0} data-testid="desk-referral-print">
        {t('referral.desk.print')}
      </button>
    </form>
  );
}
