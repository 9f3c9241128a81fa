import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';
import { requestRoute } from '../voucher/chosen-provider';
import { isOutpost } from '../appointments/outpost';
import { useVisit } from '../visit/visit-context';
import { ChoiceTile } from './ChoiceTile';

export function HomeScreen() {
  const { t } = useTranslation();
  const { go, info } = useKiosk();
  const { visit } = useVisit();
  // An outpost has no desk: no number to wait for, no request to finish at a counter, nobody to check in with.
  const outpost = isOutpost(info);
  return (
    <div className="home" data-screen="home" data-mode={outpost ? 'outpost' : 'shop'}>
      <h1 id="screen-title" tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p className="lead">{outpost ? t('appointments.outpost.homeIntro') : t('home.intro')}</p>
      <ul className="tiles">
        <li>
          <ChoiceTile icon="info" title={t('home.information')} description={t('home.informationText')} onClick={() => go({ screen: 'information', view: 'menu' })} testId="home-information" />
        </li>
        <li>
          <ChoiceTile icon="check" title={t('home.eligibility')} description={t('home.eligibilityText')} onClick={() => go({ screen: 'eligibility', step: 'start' })} testId="home-eligibility" />
        </li>
        {!outpost && (
          <li>
            <ChoiceTile icon="voucher" title={t('home.voucher')} description={t('home.voucherText')} onClick={() => go(requestRoute(visit.eligibility))} testId="home-voucher" />
          </li>
        )}
        {!outpost && (
          <li>
            <ChoiceTile icon="talk" title={t('home.talk')} description={t('home.talkText')} onClick={() => go({ screen: 'ticket', step: 'topic' })} testId="home-talk" />
          </li>
        )}
        <li>
          <ChoiceTile icon="ticket" title={t('appointments.home.title')} description={outpost ? t('appointments.outpost.appointmentText') : t('appointments.home.text')} onClick={() => go({ screen: 'appointment', step: 'topic' })} testId="home-appointment" />
        </li>
        <li>
          <ChoiceTile icon="people" title={t('sessions.home.title')} description={t('sessions.home.text')} onClick={() => go({ screen: 'sessions', step: 'list' })} testId="home-sessions" />
        </li>
        {!outpost && (
          <li>
            <ChoiceTile icon="building" title={t('appointments.checkIn.homeTitle')} description={t('appointments.checkIn.homeText')} onClick={() => go({ screen: 'checkin', step: 'code' })} testId="home-checkin" />
          </li>
        )}
        <li>
          <ChoiceTile icon="voucher" title={t('invitation.home.title')} description={t('invitation.home.text')} onClick={() => go({ screen: 'invitation', step: 'code' })} testId="home-invitation" />
        </li>
        <li>
          <ChoiceTile icon="career" title={t('selfScan.home.title')} description={t('selfScan.home.text')} onClick={() => go({ screen: 'selfScan', step: 'intro' })} testId="home-self-scan" />
        </li>
      </ul>
    </div>
  );
}
