import { useTranslation } from 'react-i18next';
import type { PartnerKind } from '../../../../shared/content/pack-schema';
import { LanguageCode } from '../../../../shared/contract/languages';
import { useCall } from '../data/use-call';
import { useKiosk } from '../kiosk-context';
import { PrintOnRequest } from '../printing/PrintOnRequest';

/** Partner services of this shop's region that fit the visitor's situation, with what to bring. */
export function WhoElseCanHelp({ kinds }: { kinds: PartnerKind[] }) {
  const { t, i18n } = useTranslation();
  const { bridge } = useKiosk();
  const language = LanguageCode.catch('nl').parse(i18n.language);
  const partners = useCall('referral.partners', { language, kinds });
  if (partners.kind !== 'ready' || partners.data.partners.length === 0) return null;
  const list = partners.data.partners;
  return (
    <section aria-labelledby="who-else-title" data-testid="who-else">
      <h2 id="who-else-title">{t('referral.title')}</h2>
      {list.some((p) => p.sample) && <p className="note">{t('referral.sample')}</p>}
      <ul className="plain-list">
        {list.map((p) => (
          <li key={p.id} data-partner={p.kind}>
            <strong lang="nl">{p.name}</strong>
            <p>{p.helpsWith}</p>
            {/* A Dutch address and phone number: read in Dutch, left to right, on an Arabic screen too. */}
            <p lang="nl" dir="ltr">
              {p.address}
              {p.phone && <> · {p.phone}</>}
            </p>
            <p>{p.openingHours}</p>
            <p>
              {t('referral.bring')}: {p.bring}
            </p>
            <p>{p.appointmentNeeded ? t('referral.appointment') : t('referral.walkIn')}</p>
          </li>
        ))}
      </ul>
      <PrintOnRequest label={t('referral.print')} testId="referral-print" print={() => bridge.call('referral.print', { language, kinds: kinds.slice(0, 3) })} />
    </section>
  );
}
