import { useTranslation } from 'react-i18next';
import { readingControls, type Speech } from './use-speech';

/** While the screen is read aloud: pause or go on, and stop. Above the toolbar, where the finger already is. */
export function ReadAloudBar({ speech }: { speech: Speech }) {
  const { t } = useTranslation();
  if (!speech.speaking) return null;
  const paused = speech.state === 'paused';
  return (
    <section className="read-aloud" aria-label={t('readAloud.label')} data-state={speech.state} {...{ [readingControls]: '' }}>
      <button type="button" className="button" data-testid="read-aloud-pause" onClick={paused ? speech.resume : speech.pause}>
        {paused ? t('readAloud.resume') : t('readAloud.pause')}
      </button>
      <button type="button" className="button" data-testid="read-aloud-stop" onClick={speech.stop}>
        {t('readAloud.stop')}
      </button>
    </section>
  );
}
