import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';

export function CounterStartScreen({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('counter.role'), t(`counter.roles.${info.role}`)],
    [t('counter.location'), `${info.location.name} (${info.location.id})`],
    [t('counter.region'), info.region],
    [t('counter.appVersion'), info.appVersion],
    [t('counter.contentVersion'), info.content?.version ?? t('counter.noContent')],
    [t('counter.shell'), t(`counter.shells.${info.shell}`)],
  ];
  return (
    <div className="screen counter">
      <header className="counter__header">
        <h1>{t('counter.title')}</h1>
        <p>{info.location.name}</p>
      </header>
      <main>
        <h2>{t('counter.subtitle')}</h2>
        <dl className="facts" data-testid="device-facts">
          {rows.map(([label, value]) => (
            <div className="facts__row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </main>
    </div>
  );
}
