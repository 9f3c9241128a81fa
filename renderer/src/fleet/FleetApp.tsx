import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetDevice, FleetHealth } from '../../../shared/central-api/fleet';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { FleetFilter, FleetOverview } from '../../../shared/contract/fleet-channels';
import { matchesFleetFilter } from '../../../shared/fleet/fleet-filter';
import type { Bridge } from '../bridge/bridge-client';
import { usePolled } from '../counter/use-polled';
import { DevicePage } from './DevicePage';
import { DevicesTable } from './DevicesTable';
import { AlertsList, OverviewView } from './OverviewView';
import '../counter/counter.css';
import './fleet.css';

const views = ['overview', 'alerts', 'devices'] as const;
type View = (typeof views)[number];

export const healthStates: FleetHealth[] = ['silent', 'failing', 'degraded', 'ok'];

/**
 * Regional IT's console: the fleet at a glance, alerts by urgency, the devices table and one
 * device's history. Keyboard first like the desk: Alt+1-3 switch views, Escape leaves a device page.
 */
export function FleetApp({ bridge, info }: { bridge: Bridge; info: AppInfo }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>('overview');
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [filter, setFilter] = useState<FleetFilter>({});
  const [failed, setFailed] = useState(false);
  const main = useRef<HTMLElement>(null);
  const load = useCallback(async () => {
    const overview = await bridge.call('fleet.overview', {});
    setFailed(false);
    return overview;
  }, [bridge]);
  const onError = useCallback(() => setFailed(true), []);
  const { data } = usePolled<FleetOverview>(load, 10_000, onError);

  const openDevice = useCallback((id: string) => {
    setDeviceId(id);
    main.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && /^[1-3]$/.test(e.key)) {
        e.preventDefault();
        setView(views[Number(e.key) - 1] as View);
        setDeviceId(null);
        main.current?.focus();
      } else if (e.key === 'Escape' && deviceId) {
        setDeviceId(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [deviceId]);

  const shown = useMemo(() => (data ? data.devices.filter((d: FleetDevice) => matchesFleetFilter(d, filter)) : []), [data, filter]);
  const otherLanguage = i18n.language === 'en' ? 'nl' : 'en';
  const switchLanguage = () => {
    void i18n.changeLanguage(otherLanguage);
    document.documentElement.lang = otherLanguage;
    document.documentElement.dir = 'ltr';
  };

  return (
    <div className="desk fleet">
      <header className="desk__header">
        <h1 className="desk__location fleet__title">{t('fleet.title')}</h1>
        <p className="desk__who">{data ? t('fleet.asOf', { time: new Date(data.asOf).toLocaleString(i18n.language) }) : t('fleet.loading')}</p>
        <button type="button" className="desk-button desk-button--quiet" onClick={switchLanguage} lang={otherLanguage}>
          {t('fleet.otherLanguage')}
        </button>
      </header>
      <nav className="desk__nav" aria-label={t('fleet.navLabel')}>
        <ul>
          {views.map((v, i) => (
            <li key={v}>
              <button
                type="button"
                className="desk-tab"
                aria-current={v === view && !deviceId ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${i + 1}`}
                onClick={() => {
                  setView(v);
                  setDeviceId(null);
                }}
              >
                {t(`fleet.views.${v}`)}
                {v === 'alerts' && data ? ` (${data.alerts.length})` : ''} <kbd>Alt+{i + 1}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <p className="fleet__mode">{info.demo ? t('fleet.demo') : ''}</p>
      </nav>
      <main ref={main} tabIndex={-1} className="desk__main" aria-label={deviceId ? t('fleet.device.title') : t(`fleet.views.${view}`)}>
        {failed && (
          <p role="alert" className="fleet__error">
            {t('fleet.unreachable')}
          </p>
        )}
        {!data ? (
          <p role="status">{t('fleet.loading')}</p>
        ) : deviceId ? (
          <DevicePage bridge={bridge} deviceId={deviceId} onBack={() => setDeviceId(null)} />
        ) : view === 'overview' ? (
          <OverviewView overview={data} />
        ) : view === 'alerts' ? (
          <AlertsList alerts={data.alerts} onOpen={openDevice} />
        ) : (
          <DevicesTable bridge={bridge} devices={data.devices} shown={shown} filter={filter} onFilter={setFilter} onOpen={openDevice} />
        )}
      </main>
    </div>
  );
}
