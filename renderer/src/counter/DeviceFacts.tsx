import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import { FactList } from './FactList';

/** What IT asks first on the phone: which device, which location, which versions. */
export function DeviceFacts({ info, headingLevel = 2 }: { info: AppInfo; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const rows: Array<[string, string]> = [
    [t('counter.role'), t(`counter.roles.${info.role}`)],
    [t('counter.location'), `${info.location.name} (${info.location.id})`],
    [t('counter.region'), info.region],
    [t('counter.appVersion'), info.appVersion],
    [t('counter.contentVersion'), info.content?.version ?? t('counter.noContent')],
    [t('counter.shell'), t(`counter.shells.${info.shell}`)],
  ];
  return (
    <section aria-labelledby="device-facts-title">
      <Heading id="device-facts-title">{t('counter.subtitle')}</Heading>
      <FactList rows={rows} testId="device-facts" />
    </section>
  );
}
