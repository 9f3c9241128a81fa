import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import { LanguageCode } from '../../../shared/contract/languages';

interface Props {
  info: AppInfo;
  onLanguage(language: LanguageCode): void;
}

export function WelcomeScreen({ info, onLanguage }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="screen welcome">
      <header className="welcome__header">
        <p className="welcome__location">{info.location.name}</p>
        {info.demo && <p className="badge">{t('welcome.demo')}</p>}
      </header>
      <main className="welcome__main" aria-labelledby="welcome-title">
        <h1 id="welcome-title">{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.intro')}</p>
        <h2 className="welcome__prompt" id="language-heading">{t('welcome.touch')}</h2>
        <ul className="language-list" aria-labelledby="language-heading">
          {LanguageCode.options.map((code) => (
            <li key={code}>
              <button
                type="button"
                className="button button--choice"
                lang={code}
                aria-pressed={i18n.language === code}
                onClick={() => onLanguage(code)}
              >
                {t(`language.${code}`)}
              </button>
            </li>
          ))}
        </ul>
      </main>
      <footer className="welcome__footer">
        <p>{t('welcome.help')}</p>
      </footer>
    </div>
  );
}
