import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';
import { canRequest } from '../../../../shared/eligibility/can-request';
import { useVisit } from '../visit/visit-context';
import { ChoiceTile } from './ChoiceTile';

export function HomeScreen() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const { visit } = useVisit();
  return (
    <div className="home" data-screen="home">
      <h1 id="screen-title" tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="tiles">
        <li>
          <ChoiceTile icon="info" title={t('home.information')} description={t('home.informationText')} onClick={() => go({ screen: 'information', view: 'menu' })} testId="home-information" />
        </li>
        <li>
          <ChoiceTile icon="check" title={t('home.eligibility')} description={t('home.eligibilityText')} onClick={() => go({ screen: 'eligibility', step: 'start' })} testId="home-eligibility" />
        </li>
        <li>
          <ChoiceTile icon="voucher" title={t('home.voucher')} description={t('home.voucherText')} onClick={() => go(canRequest(visit.eligibility) ? { screen: 'voucher', step: 'trajectory' } : { screen: 'eligibility', step: 'start' })} testId="home-voucher" />
        </li>
        <li>
          <ChoiceTile icon="talk" title={t('home.talk')} description={t('home.talkText')} onClick={() => go({ screen: 'ticket', step: 'topic' })} testId="home-talk" />
        </li>
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
