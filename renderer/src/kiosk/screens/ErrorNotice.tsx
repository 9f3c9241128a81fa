import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';

/** What went wrong and what to do next, in the visitor's language, with a person as the fallback. */
export function ErrorNotice({ message }: { message: string }) {
  const { t } = useTranslation();
  const { askStaff } = useKiosk();
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        {message}
      </p>
      <button type="button" className="button" onClick={askStaff}>
        {t('toolbar.staff')}
      </button>
    </div>
  );
}
