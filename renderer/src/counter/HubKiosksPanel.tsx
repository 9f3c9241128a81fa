import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubKiosk } from '../../../shared/contract/desk-channels';
import type { Bridge } from '../bridge/bridge-client';
import { usePolled } from './use-polled';
import { formatDateTimeWithSeconds, formatTimeWithSeconds } from '../../../shared/domain/location-time';

/** The letter(s) after the location in a kiosk's identity: the prefix of its ticket numbers, which staff know it by. */
const prefixOf = (identity: string): string => identity.slice(identity.lastIndexOf('/') + 1);

const hasPrinterProblem = (printer: HubKiosk['printer']): boolean => printer !== null && !['ready', 'none'].includes(printer.state);

/**
 * The kiosks of this location as the hub knows them. Every problem is said in words (a silent
 * kiosk, a printer that does not print, refused messages); the colour only repeats it.
 */
export function HubKiosksPanel({ bridge, onError }: { bridge: Bridge; onError(err: unknown): void }) {
  const { t } = useTranslation();
  const load = useCallback(() => bridge.call('hub.status', {}), [bridge]);
  const { data: hub, reload } = usePolled(load, 5000, onError);
  // The core checks the role (location manager) and that this installation still waits; staff see the button and the core's refusal.
  const approve = (identity: string, install: string) => {
    bridge.call('hub.approve', { identity, install }).then(reload, onError);
  };
  const time = (iso: string) => formatTimeWithSeconds(iso);
  const moment = (iso: string) => formatDateTimeWithSeconds(iso);
  if (!hub) return null;

  return (
    <section aria-labelledby="hub-title">
      <h3 id="hub-title">{t('counter.hub.title')}</h3>
      <p data-testid="hub-mode">{hub.mode === 'hub' ? t(hub.listening ? 'counter.hub.listening' : 'counter.hub.notListening') : t('counter.hub.standalone')}</p>
      {hub.kiosks.length > 0 && (
        <table className="desk-table" data-testid="hub-kiosks">
          <caption className="visually-hidden">{t('counter.hub.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counter.hub.kiosk')}</th>
              <th scope="col">{t('counter.hub.lastSeen')}</th>
              <th scope="col">{t('counter.hub.version')}</th>
              <th scope="col">{t('counter.hub.printer')}</th>
              <th scope="col">{t('counter.hub.queue')}</th>
            </tr>
          </thead>
          <tbody>
            {hub.kiosks.map((k) => (
              <tr key={k.identity}>
                <th scope="row" className="hub-kiosk">
                  <span className="hub-line">{t('counter.hub.kioskName', { prefix: prefixOf(k.identity) })}</span>
                  {k.candidate && (
                    <>
                      <span className="hub-line hub-problem" data-testid="hub-candidate">
                        {t(k.candidate.takeover ? 'counter.hub.takeoverWaiting' : 'counter.hub.newWaiting', { prefix: prefixOf(k.identity), time: moment(k.candidate.since) })}
                      </span>
                      <button type="button" className="desk-button" onClick={() => approve(k.identity, k.candidate?.install ?? '')}>
                        {t(k.candidate.takeover ? 'counter.hub.approveTakeover' : 'counter.hub.approve', { prefix: prefixOf(k.identity) })}
                      </button>
                    </>
                  )}
                </th>
                <td>{k.silent ? <span className="hub-problem">{t('counter.hub.silent', { time: moment(k.lastSeenAt) })}</span> : moment(k.lastSeenAt)}</td>
                <td>{k.appVersion ?? '—'}</td>
                <td>
                  {k.printer === null ? (
                    t('counter.hub.notReported')
                  ) : (
                    <>
                      <span className={hasPrinterProblem(k.printer) ? 'hub-line hub-problem' : 'hub-line'}>{t(`counter.hub.printerState.${k.printer.state}`)}</span>
                      {k.printer.paperLow && k.printer.state === 'ready' && <span className="hub-line hub-problem">{t('counter.hub.paperLow')}</span>}
                      {k.statusAt && <span className="hub-line hub-detail">{t('counter.hub.reportedAt', { time: time(k.statusAt) })}</span>}
                    </>
                  )}
                </td>
                <td>
                  {k.queue === null ? (
                    t('counter.hub.notReported')
                  ) : (
                    <>
                      <span className="hub-line">
                        {k.queue.pending === 0
                          ? t('counter.hub.queueEmpty')
                          : t('counter.hub.queuePending', { count: k.queue.pending, time: k.queue.oldestPendingAt ? time(k.queue.oldestPendingAt) : '—' })}
                      </span>
                      {k.queue.needsAttention > 0 && <span className="hub-line hub-problem">{t('counter.hub.queueRefused', { count: k.queue.needsAttention })}</span>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
