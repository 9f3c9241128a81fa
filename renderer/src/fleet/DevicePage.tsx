import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetHeartbeatHistory } from '../../../shared/central-api/fleet';
import type { Bridge } from '../bridge/bridge-client';

const gb = (bytes: number | null): string => (bytes === null ? '' : `${(bytes / 1_000_000_000).toFixed(1)} GB`);

/** One device: what its latest heartbeat said, and its recent heartbeats newest first. */
export function DevicePage({ bridge, deviceId, onBack }: { bridge: Bridge; deviceId: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<FleetHeartbeatHistory | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    bridge.call('fleet.device', { deviceId }).then(
      (h) => live && setHistory(h),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [bridge, deviceId]);
  if (failed) return <p role="alert">{t('fleet.unreachable')}</p>;
  if (!history) return <p role="status">{t('fleet.loading')}</p>;
  const d = history.device;
  const facts: [string, string][] = [
    [t('fleet.columns.location'), d.locationId],
    [t('fleet.columns.region'), d.region ?? ''],
    [t('fleet.columns.role'), t(`fleet.roles.${d.role}`)],
    [t('fleet.columns.health'), t(`fleet.health.${d.health}`)],
    [t('fleet.columns.appVersion'), d.appVersion ?? ''],
    [t('fleet.columns.contentVersion'), d.contentVersion ?? ''],
    [t('fleet.columns.channel'), d.channel ? `${t(`fleet.channels.${d.channel}`)} (${t('fleet.device.position', { position: d.rolloutPosition ?? '' })})` : ''],
    [t('fleet.columns.update'), [d.updateState ? t(`fleet.updateStates.${d.updateState}`) : null, d.updateDetail].filter(Boolean).join(': ')],
    [t('fleet.columns.printer'), d.printerState ? t(`fleet.printerStates.${d.printerState}`) : ''],
    [t('fleet.columns.queue'), t('fleet.device.queue', { depth: d.queueDepth ?? 0, attention: d.needsAttention ?? 0 })],
    [t('fleet.columns.disk'), gb(d.diskFreeBytes)],
    [t('fleet.columns.lastSeen'), d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleString(i18n.language) : ''],
  ];
  return (
    <>
      <button type="button" className="desk-button" onClick={onBack} aria-keyshortcuts="Escape">
        {t('fleet.device.back')} <kbd>Esc</kbd>
      </button>
      <h2>{t('fleet.device.heading', { location: d.locationId, role: t(`fleet.roles.${d.role}`) })}</h2>
      <p className="fleet-device__id">{t('fleet.device.id', { id: d.deviceId })}</p>
      <dl className="fleet-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('fleet.device.history', { count: history.heartbeats.length })}</h3>
      <table className="desk-table fleet-history">
        <thead>
          <tr>
            <th scope="col">{t('fleet.device.received')}</th>
            <th scope="col">{t('fleet.columns.health')}</th>
            <th scope="col">{t('fleet.columns.appVersion')}</th>
            <th scope="col">{t('fleet.columns.update')}</th>
            <th scope="col">{t('fleet.columns.printer')}</th>
            <th scope="col">{t('fleet.columns.queue')}</th>
            <th scope="col">{t('fleet.columns.disk')}</th>
          </tr>
        </thead>
        <tbody>
          {history.heartbeats.map((h) => (
            <tr key={h.receivedAt}>
              <th scope="row">{new Date(h.receivedAt).toLocaleString(i18n.language)}</th>
              <td>{t(`fleet.health.${h.heartbeat.health}`)}</td>
              <td>{h.heartbeat.appVersion}</td>
              <td>{t(`fleet.updateStates.${h.heartbeat.update.state.phase}`)}</td>
              <td>{t(`fleet.printerStates.${h.heartbeat.printer.state}`)}</td>
              <td>{h.heartbeat.queueDepth}</td>
              <td>{gb(h.heartbeat.diskFreeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
