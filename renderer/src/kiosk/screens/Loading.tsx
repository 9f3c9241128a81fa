import { useTranslation } from 'react-i18next';

/** A wait the visitor can see and a screen reader hears, instead of a blank screen. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="progress" role="status">
      {t('app.working')}
    </p>
  );
}
