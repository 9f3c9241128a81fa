import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { Bridge } from '../bridge/bridge-client';
import { applyDocumentLanguage } from '../i18n/i18n';

// Each device loads only its own screens: a kiosk never downloads the desk, and the other way round.
const screens = {
  kiosk: () => import('../kiosk/KioskApp'),
  counter: () => import('../counter/CounterApp'),
  fleet: () => import('../fleet/FleetApp'),
  nowServing: () => import('../now-serving/NowServingScreen'),
};
const KioskApp = lazy(() => screens.kiosk().then((m) => ({ default: m.KioskApp })));
const CounterApp = lazy(() => screens.counter().then((m) => ({ default: m.CounterApp })));
const FleetApp = lazy(() => screens.fleet().then((m) => ({ default: m.FleetApp })));
const NowServingScreen = lazy(() => screens.nowServing().then((m) => ({ default: m.NowServingScreen })));

/** The counter's second display opens the app with ?screen=now-serving (docs/counter-and-hub.md). */
const nowServingWanted = new URLSearchParams(window.location.search).get('screen') === 'now-serving';

/** The device's screens start loading as soon as the role is known, while the language is switched. */
function preloadScreens(role: AppInfo['role']): void {
  const load = role === 'kiosk' ? screens.kiosk : role === 'fleet' ? screens.fleet : nowServingWanted ? screens.nowServing : screens.counter;
  load().catch(() => undefined);
}

/** The region's colours feed the brand tokens (tokens.css); high contrast mode still overrides them. */
function applyRegionTheme(theme: AppInfo['theme']): void {
  if (!theme) return;
  document.documentElement.style.setProperty('--lbw-region-brand', theme.brand);
  document.documentElement.style.setProperty('--lbw-region-brand-contrast', theme.brandContrast);
}

type State = { kind: 'loading' } | { kind: 'ready'; info: AppInfo } | { kind: 'failed' };

interface Props {
  bridge: Bridge;
  /** The one i18next instance; passed in so effects do not re-run when the language changes. */
  i18n: I18n;
  /** app.info as asked before the app was evaluated (main.tsx); asked here when absent. */
  firstInfo?: Promise<AppInfo>;
}

export function App({ bridge, i18n, firstInfo }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    (firstInfo ?? bridge.call('app.info', {}))
      .then(async (info) => {
        preloadScreens(info.role);
        await i18n.changeLanguage(info.defaultLanguage);
        applyDocumentLanguage(info.defaultLanguage);
        applyRegionTheme(info.theme);
        if (live) setState({ kind: 'ready', info });
      })
      .catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [bridge, i18n, firstInfo]);

  if (state.kind === 'loading') return <p className="status" role="status">{t('app.loading')}</p>;
  if (state.kind === 'failed') return <p className="status status--error" role="alert">{t('app.startFailed')}</p>;
  const { info } = state;
  return (
    <Suspense fallback={<p className="status" role="status">{t('app.loading')}</p>}>
      {info.role === 'kiosk' ? (
        <KioskApp info={info} bridge={bridge} />
      ) : info.role === 'fleet' ? (
        <FleetApp info={info} bridge={bridge} />
      ) : nowServingWanted ? (
        <NowServingScreen bridge={bridge} info={info} />
      ) : (
        <CounterApp bridge={bridge} info={info} />
      )}
    </Suspense>
  );
}
