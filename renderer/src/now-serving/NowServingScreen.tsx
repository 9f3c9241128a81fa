import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { Bridge } from '../bridge/bridge-client';
import { usePolled } from '../counter/use-polled';
import './now-serving.css';

/** Languages shown side by side: a wall screen cannot ask its readers which one they read. */
const screenLanguages = ['nl', 'en', 'ar'] as const;

/**
 * The waiting-room screen on a second display of the counter: the number being called, large,
 * the few called before it, and how many people wait. It shows ticket numbers only, so it runs
 * without anyone signed in and keeps its last numbers through a short outage of the core.
 */
export function NowServingScreen({ bridge, info }: { bridge: Bridge; info: AppInfo }) {
  const { t } = useTranslation();
  const [offline, setOffline] = useState(false);
  const load = useCallback(() => bridge.call('queue.status', {}).then((status) => (setOffline(false), status)), [bridge]);
  const onError = useCallback(() => setOffline(true), []);
  const { data } = usePolled(load, 2000, onError);
  const [current, ...before] = data?.called ?? [];
  const each = (key: string, options?: Record<string, unknown>) =>
    screenLanguages.map((lng) => (
      <span key={lng} lang={lng} dir={lng === 'ar' ? 'rtl' : 'ltr'} className="now-serving__label">
        {t(key, { ...options, lng })}
      </span>
    ));

  return (
    <main className="now-serving" aria-labelledby="now-serving-title">
      <header className="now-serving__bar">
        <span>{info.location.name}</span>
        {offline && <span role="status">{t('nowServing.offline')}</span>}
      </header>
      <section className="now-serving__current" aria-labelledby="now-serving-title">
        <h1 id="now-serving-title" className="now-serving__title">{each('nowServing.title')}</h1>
        {/* A new number is announced to whoever uses a screen reader nearby; the key makes the highlight replay. */}
        <p className="now-serving__number" aria-live="polite" aria-atomic="true" data-testid="now-serving-number" key={current?.number ?? 'none'}>
          {current?.number ?? '—'}
        </p>
      </section>
      <section className="now-serving__rest" aria-labelledby="now-serving-before">
        <h2 id="now-serving-before" className="now-serving__subtitle">{each('nowServing.before')}</h2>
        <ol className="now-serving__before" data-testid="now-serving-before">
          {before.map((ticket) => (
            <li key={ticket.number}>{ticket.number}</li>
          ))}
        </ol>
        <p className="now-serving__waiting" data-testid="now-serving-waiting">
          {each('nowServing.waiting', { count: data?.waiting ?? 0 })}
        </p>
      </section>
    </main>
  );
}
