import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueTicket, TicketOutcome } from '../../../shared/contract/desk-channels';
import { BridgeCallError, type Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { usePackWords } from './pack-words';
import { usePolled } from './use-polled';

interface Props {
  bridge: Bridge;
  onSignedOut(): void;
}

const minutesSince = (iso: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/** The core's answer when this desk still has a visitor without an outcome (see queue.callNext). */
const needsOutcome = (err: unknown): boolean => err instanceof BridgeCallError && err.error.code === 'conflict' && (err.error.issues ?? []).some((i) => i.path === 'current');

type FocusTarget = 'next' | 'served' | 'ask';

/**
 * The walk-in queue: call the next visitor (shown large), then served or no-show. Calling the next
 * one while this desk still has a visitor asks first how that turn ended (S served, X not there),
 * so nobody is left "called"; the core refuses the call without it as well.
 */
export function QueueView({ bridge, onSignedOut }: Props) {
  const { t } = useTranslation();
  const words = usePackWords(bridge);
  const [status, setStatus] = useState('');
  const [now, setNow] = useState(Date.now());
  const [asking, setAsking] = useState(false);
  const [focusTarget, setFocusTarget] = useState<{ to: FocusTarget; at: number } | null>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const servedButton = useRef<HTMLButtonElement>(null);
  const askFirst = useRef<HTMLButtonElement>(null);
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);
  const load = useCallback(() => bridge.call('queue.list', {}), [bridge]);
  const { data, reload } = usePolled(load, 3000, fail);
  const tickets = data ?? [];
  // What this desk's last action made of its own ticket, until the polled list says the same (or a
  // few seconds passed): Alt+S then Alt+N at once must not ask about the visitor just closed.
  const [justDid, setJustDid] = useState<{ mine: QueueTicket | null; at: number } | null>(null);
  const listed = tickets.find((x) => x.mine) ?? null;
  const overriding = justDid !== null && (justDid.mine?.id ?? null) !== (listed?.id ?? null) && Date.now() - justDid.at < 5000;
  const called = overriding ? justDid.mine : listed;
  // The same, for a key pressed while an action is still under way: actions run one after another,
  // and each sets this at once, before the screen has rendered what it did.
  const mine = useRef<QueueTicket | null>(called);
  mine.current = called;
  const chain = useRef<Promise<void>>(Promise.resolve());
  const serial = useCallback((action: () => Promise<void>) => {
    chain.current = chain.current.then(action, action);
  }, []);
  const waiting = tickets.filter((x) => x.state === 'waiting');
  const focusOn = (to: FocusTarget) => setFocusTarget({ to, at: Date.now() });

  const call = useCallback(
    async (current?: { ticket: QueueTicket; outcome: TicketOutcome }) => {
      try {
        const next = await bridge.call('queue.callNext', current ? { current: { id: current.ticket.id, outcome: current.outcome } } : {});
        setAsking(false);
        mine.current = next;
        setJustDid({ mine: next, at: Date.now() });
        const closed = current ? `${t(`counter.queue.closed.${current.outcome}`, { number: current.ticket.number })} ` : '';
        setStatus(closed + (next ? t('counter.queue.calledStatus', { number: next.number }) : t('counter.queue.nobody')));
        focusOn(next ? 'served' : 'next');
        reload();
      } catch (err) {
        if (!needsOutcome(err)) return fail(err);
        // Another screen of this person called someone: ask about that visitor first.
        reload();
        setAsking(true);
        focusOn('ask');
      }
    },
    [bridge, fail, reload, t],
  );

  const callNext = useCallback(
    () =>
      serial(async () => {
        if (!mine.current) return call();
        setAsking(true);
        focusOn('ask');
      }),
    [call, serial],
  );

  const close = useCallback(
    async (ticket: QueueTicket, outcome: TicketOutcome) => {
      try {
        await bridge.call('queue.close', { id: ticket.id, outcome });
        setAsking(false);
        mine.current = null;
        setJustDid({ mine: null, at: Date.now() });
        setStatus(t(`counter.queue.closed.${outcome}`, { number: ticket.number }));
        focusOn('next');
        reload();
      } catch (err) {
        fail(err);
      }
    },
    [bridge, fail, reload, t],
  );

  const back = useCallback(() => {
    setAsking(false);
    focusOn('next');
  }, []);

  useEffect(() => {
    if (!focusTarget) return;
    const target = { next: nextButton, served: servedButton, ask: askFirst }[focusTarget.to].current;
    // The served button is enabled once the list shows the call; until then the effect runs again.
    if (target && !target.disabled) {
      target.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, called, asking]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select') !== null;
      if (asking && called && !typing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        // One key each while the question is open.
        if (key === 's') serial(() => call({ ticket: called, outcome: 'served' }));
        else if (key === 'x') serial(() => call({ ticket: called, outcome: 'no-show' }));
        else if (key === 'escape') back();
        else return;
        e.preventDefault();
        return;
      }
      if (!e.altKey || e.ctrlKey) return;
      if (key === 'n') callNext();
      else if (key === 's' && called) serial(() => close(called, 'served'));
      else if (key === 'x' && called) serial(() => close(called, 'no-show'));
      else return;
      e.preventDefault();
    };
    // In the capture phase: before the desk's own keys, which would send a lone letter to the search field.
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearInterval(tick);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [asking, back, call, callNext, close, called, serial]);

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
        {called && (
          <p className="queue__topic">
            {words.topic(called.topic)}
            <ScanNote areas={called.scanAreas} />
          </p>
        )}
        {asking && called ? (
          <div role="group" aria-labelledby="outcome-question" className="queue__ask desk-panel" data-testid="outcome-question">
            <p id="outcome-question">{t('counter.queue.askOutcome', { number: called.number })}</p>
            <div className="desk-actions">
              <button type="button" ref={askFirst} className="desk-button desk-button--primary" aria-keyshortcuts="S" onClick={() => void call({ ticket: called, outcome: 'served' })}>
                {t('counter.queue.servedAndNext')} <kbd>S</kbd>
              </button>
              <button type="button" className="desk-button" aria-keyshortcuts="X" onClick={() => void call({ ticket: called, outcome: 'no-show' })}>
                {t('counter.queue.noShowAndNext')} <kbd>X</kbd>
              </button>
              <button type="button" className="desk-button" aria-keyshortcuts="Escape" onClick={back}>
                {t('counter.queue.notYet')} <kbd>Esc</kbd>
              </button>
            </div>
          </div>
        ) : (
          <div className="desk-actions">
            <button type="button" ref={nextButton} className="desk-button desk-button--primary" onClick={callNext} aria-keyshortcuts="Alt+N">
              {t('counter.queue.callNext')} <kbd>Alt+N</kbd>
            </button>
            <button type="button" ref={servedButton} className="desk-button" disabled={!called} onClick={() => called && void close(called, 'served')} aria-keyshortcuts="Alt+S">
              {t('counter.queue.served')} <kbd>Alt+S</kbd>
            </button>
            <button type="button" className="desk-button" disabled={!called} onClick={() => called && void close(called, 'no-show')} aria-keyshortcuts="Alt+X">
              {t('counter.queue.noShow')} <kbd>Alt+X</kbd>
            </button>
          </div>
        )}
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
              <td>
                {words.topic(x.topic)}
                <ScanNote areas={x.scanAreas} />
              </td>
              <td>{t('counter.queue.minutes', { count: minutesSince(x.createdAt, now) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The self-scan's areas beside the topic, so the adviser knows what the visitor wants to talk about. */
function ScanNote({ areas }: { areas: QueueTicket['scanAreas'] }) {
  const { t } = useTranslation();
  if (areas.length === 0) return null;
  return (
    <span className="queue__scan" data-testid="queue-scan-areas">
      {' · '}
      {t('counter.queue.scanAreas', { areas: areas.map((area) => t(`selfScan.areas.${area}.name`)).join(', ') })}
    </span>
  );
}
