import { useTranslation } from 'react-i18next';
import { useCall } from '../data/use-call';
import { LanguageChoice } from '../dialogs/LanguageChoice';
import { useKiosk } from '../kiosk-context';

/** The attract screen: one tap on a language starts the visit in that language. */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const { info, chooseLanguage, go } = useKiosk();
  // The shop's address comes from the content pack when it describes this location; the name always from the device.
  const location = useCall('content.location', {});
  const address = location.kind === 'ready' ? location.data?.address : undefined;
  return (
    <div className="welcome" data-screen="welcome">
      <h1 id="screen-title" tabIndex={-1}>
        {t('welcome.title')}
      </h1>
      <p className="lead">{t('welcome.intro')}</p>
      <p className="welcome__location">{t('welcome.location', { location: info.location.name })}</p>
      {address && (
        <p className="welcome__address" data-testid="welcome-address">
          {address.street}, {address.postcode} {address.city}
        </p>
      )}
      <h2 className="welcome__prompt" id="language-heading">
        {t('welcome.touch')}
      </h2>
      <LanguageChoice
        labelledBy="language-heading"
        onChoose={(language) => {
          chooseLanguage(language);
          go({ screen: 'home' });
        }}
      />
    </div>
  );
}
