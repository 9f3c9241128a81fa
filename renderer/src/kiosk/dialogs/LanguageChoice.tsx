import { useTranslation } from 'react-i18next';
import { languages, type LanguageCode } from '../../../../shared/contract/languages';

interface Props {
  onChoose(language: LanguageCode): void;
  labelledBy?: string;
}

/** Flags and names side by side: the name is what a visitor reads, the flag what they spot. */
export function LanguageChoice({ onChoose, labelledBy }: Props) {
  const { i18n } = useTranslation();
  return (
    <ul className="language-list" aria-labelledby={labelledBy}>
      {languages.map((language) => (
        <li key={language.code}>
          <button
            type="button"
            className="button button--choice language-button"
            lang={language.code}
            dir={language.dir}
            aria-pressed={i18n.language === language.code}
            data-language={language.code}
            onClick={() => onChoose(language.code)}
          >
            <img className="language-button__flag" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(language.flagSvg)}`} alt="" width={72} height={48} />
            <span>{language.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
