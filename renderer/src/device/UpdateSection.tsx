import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdatePhase } from '../../../shared/updates/update-status';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey } from '../counter/bridge-errors';
import { usePolled } from '../counter/use-polled';

/** Progress moves quickly while downloading; the rest of the time this is cheap to ask. */
const updatesEveryMs = 3_000;

function phaseText(t: (key: string, values?: Record<string, unknown>) => string, state: UpdatePhase): string {
  switch (state.phase) {
    case 'downloading':
      return t('counter.devicePanel.phase.downloading', { version: state.version, percent: Math.round(state.percent) });
    case 'ready':
      return t('counter.devicePanel.phase.ready', { version: state.version });
    case 'installing':
      return t('counter.devicePanel.phase.installing', { version: state.version });
    default:
      return t(`counter.devicePanel.phase.${state.phase}`);
  }
}

/** The auto-updater as staff see it: versions, what it is doing, and "install now" for a downloaded update. */
export function UpdateSection({ bridge }: { bridge: Bridge }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [installing, setInstalling] = useState(false);
  const load = useCallback(() => bridge.call('updates.status', {}), [bridge]);
  const onError = useCallback((err: unknown) => setFailure(errorKey(err)), []);
  const { data: status, reload } = usePolled(load, updatesEveryMs, onError);

  const installNow = () => {
    setInstalling(true);
    bridge.call('updates.installNow', {}).then(reload, (err: unknown) => {
      setInstalling(false);
      setFailure(errorKey(err));
    });
  };

  return (
    <section aria-labelledby="updates-title" data-testid="update-section">
      <h2 id="updates-title">{t('counter.devicePanel.updatesTitle')}</h2>
      {status && (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('counter.devicePanel.currentVersion')}</dt>
              <dd data-testid="update-current">{status.currentVersion}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('counter.devicePanel.channel')}</dt>
              <dd>{status.channel}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('counter.devicePanel.state')}</dt>
              <dd data-testid="update-phase" data-phase={status.state.phase}>
                {phaseText(t, status.state)}
              </dd>
            </div>
          </dl>
          {(status.state.phase === 'disabled' || status.state.phase === 'failed') && (
            <p className="device-hint" data-testid="update-reason">
              {t('counter.devicePanel.reason')} {status.state.reason}
            </p>
          )}
          {status.state.phase === 'downloading' && (
            <progress max={100} value={status.state.percent} aria-label={t('counter.devicePanel.progress')} />
          )}
          {status.state.phase === 'ready' && (
            <>
              {status.state.waitingFor && <p className="device-hint">{t(`counter.devicePanel.waitingFor.${status.state.waitingFor}`)}</p>}
              <button type="button" className="desk-button desk-button--primary" onClick={installNow} disabled={installing}>
                {t('counter.devicePanel.installNow', { version: status.state.version })}
              </button>
            </>
          )}
        </>
      )}
      {failure && (
        <p role="alert" data-testid="update-error">
          {t(failure)}
        </p>
      )}
    </section>
  );
}
