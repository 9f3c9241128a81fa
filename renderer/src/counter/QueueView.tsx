import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { usePolled } from './use-polled';

interface Props {
  bridge: Bridge;
  onSignedOut(): void;
}

const minutesSince = (iso: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/** A topic slug as staff read it: "cv-check" -> "cv check". */
export const topicLabel = (topic: string): string => topic.replace(/-/g, ' ');

/** The walk-in queue: call the next visitor (shown large), then served or no-show. */
export function QueueView({ bridge, onSignedOut }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [now, setNow] = useState(Date.now());
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);
  const load = useCallback(() => bridge.call('queue.list', {}), [bridge]);
  const { data, reload } = usePolled(load, 3000, fail);
  const tickets = data ?? [];
  const called = tickets.filter((x) => x.state === 'called').at(-1) ?? null;
  const waiting = tickets.filter((x) => x.state === 'waiting');

  const callNext = useCallback(async () => {
    try {
      const next = await bridge.call('queue.callNext', {});
      setStatus(next ? t('counter.queue.calledStatus', { number: next.number }) : t('counter.queue.nobody'));
      reload();
    } catch (err) {
      fail(err);
    }
  }, [bridge, fail, reload, t]);

  const close = useCallback(
    async (ticket: QueueTicket, outcome: 'served' | 'no-show') => {
      try {
        await bridge.call('queue.close', { id: ticket.id, outcome });
        setStatus(t(`counter.queue.closed.${outcome}`, { number: ticket.number }));
        reload();
      } catch (err) {
        fail(err);
      }
    },
    [bridge, fail, reload, t],
  );

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n') void callNext();
      else if (key === 's' && called) void close(called, 'served');
      else if (key === 'x' && called) void close(called, 'no-show');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(tick);
      window.removeEventListener('keydown', onKey);
    };
  }, [callNext, close, called]);

  return (
    <section aria-labelledby="queue-title" className="queue">
      <h2 id="queue-title">{t('counter.views.queue')}</h2>
      <p role="status" className="desk-status">
        {status}
      </p>
      <div className="queue__serving" aria-labelledby="serving-title">
        <h3 id="serving-title">{t('counter.queue.serving')}</h3>
        <p className="queue__number" data-testid="now-serving">
          {called ? called.number : '—'}
        </p>
        {called && <p className="queue__topic">{topicLabel(called.topic)}</p>}
        <div className="desk-actions">
          <button type="button" className="desk-button desk-button--primary" onClick={() => void callNext()} aria-keyshortcuts="Alt+N">
            {t('counter.queue.callNext')} <kbd>Alt+N</kbd>
          </button>
          <button type="button" className="desk-button" disabled={!called} onClick={() => called && void close(called, 'served')} aria-keyshortcuts="Alt+S">
            {t('counter.queue.served')} <kbd>Alt+S</kbd>
          </button>
          <button type="button" className="desk-button" disabled={!called} onClick={() => called && void close(called, 'no-show')} aria-keyshortcuts="Alt+X">
            {t('counter.queue.noShow')} <kbd>Alt+X</kbd>
          </button>
        </div>
      </div>
      <table className="desk-table" aria-describedby="queue-count">
        <caption id="queue-count">{t('counter.queue.waiting', { count: waiting.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('counter.queue.number')}</th>
            <th scope="col">{t('counter.queue.topic')}</th>
            <th scope="col">{t('counter.queue.waitingTime')}</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((x) => (
            <tr key={x.id}>
              <td>{x.number}</td>
              <td>{topicLabel(x.topic)}</td>
              <td>{t('counter.queue.minutes', { count: minutesSince(x.createdAt, now) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
