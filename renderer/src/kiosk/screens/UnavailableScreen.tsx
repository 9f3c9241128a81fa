import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';

/** Shown for a part of the kiosk whose data this device cannot reach: say so, and offer a person. */
export function UnavailableScreen({ title, screen }: { title: string; screen: string }) {
  const { t } = useTranslation();
  const { askStaff } = useKiosk();
  return (
    <div data-screen={screen}>
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <p className="lead">{t('unavailable.body')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={askStaff}>
          {t('toolbar.staff')}
        </button>
      </div>
    </div>
  );
}
