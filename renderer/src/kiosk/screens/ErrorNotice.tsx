import { useTranslation } from 'react-i18next';
import { isOutpost } from '../appointments/outpost';
import { useKiosk } from '../kiosk-context';

/** What went wrong and what to do next, in the visitor's language, with a person as the fallback. */
export function ErrorNotice({ message }: { message: string }) {
  const { t } = useTranslation();
  const { askStaff, info } = useKiosk();
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        {message}
      </p>
      <button type="button" className="button" onClick={askStaff}>
        {isOutpost(info) ? t('appointments.outpost.help') : t('toolbar.staff')}
      </button>
    </div>
  );
}
