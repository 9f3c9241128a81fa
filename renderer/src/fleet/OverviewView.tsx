import { useTranslation } from 'react-i18next';
import type { FleetAlert } from '../../../shared/fleet/fleet-alerts';
import type { FleetOverview } from '../../../shared/contract/fleet-channels';
import { healthStates } from './FleetApp';

const percent = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10}%`;

/** The fleet at a glance: devices by health, versions per channel, and how far each channel's release has come. */
export function OverviewView({ overview }: { overview: FleetOverview }) {
  const { t } = useTranslation();
  const total = overview.devices.length;
  return (
    <>
      <h2>{t('fleet.overview.health', { count: total })}</h2>
      <ul className="fleet-counts">
        {healthStates.map((h) => (
          <li key={h} className={`fleet-count fleet-count--${h}`}>
            <span className="fleet-count__number">{overview.counts[h] ?? 0}</span> {t(`fleet.health.${h}`)}
          </li>
        ))}
      </ul>
      <h2>{t('fleet.overview.versions')}</h2>
      <div className="fleet-charts">
        {overview.versions.map((c) => {
          const onChannel = c.versions.reduce((n, v) => n + v.devices, 0);
          return (
            <figure key={c.channel} className="fleet-chart">
              <figcaption>{t('fleet.overview.channelDevices', { channel: t(`fleet.channels.${c.channel}`), count: onChannel })}</figcaption>
              <table className="desk-table fleet-chart__table">
                <thead>
                  <tr>
                    <th scope="col">{t('fleet.columns.appVersion')}</th>
                    <th scope="col">{t('fleet.overview.share')}</th>
                    <th scope="col">{t('fleet.overview.devices')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.versions.map((v) => (
                    <tr key={v.version}>
                      <th scope="row">{v.version}</th>
                      <td>
                        <span className="fleet-bar" aria-hidden="true">
                          <span className="fleet-bar__fill" style={{ width: percent(v.devices, onChannel) }} />
                        </span>{' '}
                        {percent(v.devices, onChannel)}
                      </td>
                      <td>{v.devices}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          );
        })}
      </div>
      <h2>{t('fleet.overview.rollout')}</h2>
      <div className="fleet-charts">
        {overview.rollout.map((r) => {
          const outside = r.shops - r.shopsInStage;
          const parts = [
            ['updated', r.shopsUpdated],
            ['waiting', r.shopsWaiting],
            ['failed', r.shopsFailed],
            ['outside', outside],
          ] as const;
          return (
            <figure key={r.channel} className="fleet-chart" data-channel={r.channel}>
              <figcaption>
                {r.version
                  ? t('fleet.rollout.caption', { channel: t(`fleet.channels.${r.channel}`), version: r.version, percent: r.stagingPercentage ?? 100 })
                  : t('fleet.rollout.none', { channel: t(`fleet.channels.${r.channel}`) })}
              </figcaption>
              <span className="fleet-stack" aria-hidden="true">
                {parts.map(([k, n]) => (
                  <span key={k} className={`fleet-stack__part fleet-stack__part--${k}`} style={{ width: percent(n, r.shops) }} />
                ))}
              </span>
              <dl className="fleet-rollout">
                <dt>{t('fleet.rollout.inStage')}</dt>
                <dd data-testid={`rollout-${r.channel}-in-stage`}>{t('fleet.rollout.ofShops', { count: r.shopsInStage, total: r.shops })}</dd>
                {parts.map(([k, n]) => (
                  <div key={k} className={`fleet-rollout__item fleet-rollout__item--${k}`}>
                    <dt>{t(`fleet.rollout.${k}`)}</dt>
                    <dd data-testid={`rollout-${r.channel}-${k}`}>{n}</dd>
                  </div>
                ))}
              </dl>
            </figure>
          );
        })}
      </div>
    </>
  );
}

/** Alerts, most urgent first, each with a way to the device. */
export function AlertsList({ alerts, onOpen }: { alerts: readonly FleetAlert[]; onOpen(deviceId: string): void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h2>{t('fleet.alerts.title', { count: alerts.length })}</h2>
      {alerts.length === 0 ? (
        <p>{t('fleet.alerts.none')}</p>
      ) : (
        <table className="desk-table fleet-alerts">
          <thead>
            <tr>
              <th scope="col">{t('fleet.alerts.kind')}</th>
              <th scope="col">{t('fleet.columns.location')}</th>
              <th scope="col">{t('fleet.columns.role')}</th>
              <th scope="col">{t('fleet.alerts.since')}</th>
              <th scope="col">{t('fleet.alerts.detail')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('fleet.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={`${a.kind}-${a.deviceId}`} data-kind={a.kind} data-device={a.deviceId}>
                <td>{t(`fleet.alertKinds.${a.kind}`)}</td>
                <td>{a.locationId}</td>
                <td>{t(`fleet.roles.${a.role}`)}</td>
                <td>{a.since ? new Date(a.since).toLocaleString(i18n.language) : ''}</td>
                <td>{a.detail ?? ''}</td>
                <td>
                  <button type="button" className="desk-button" onClick={() => onOpen(a.deviceId)} aria-label={t('fleet.openDevice', { location: a.locationId, role: t(`fleet.roles.${a.role}`) })}>
                    {t('fleet.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
