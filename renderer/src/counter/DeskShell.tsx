import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { DeskSession, StaffMember } from '../../../shared/contract/staff-channels';
import { parseReference } from '../../../shared/domain/reference-code';
import { hasStaffRole, type StaffRole } from '../../../shared/staff/staff-role';
import type { Bridge } from '../bridge/bridge-client';
import { CounterDevicePanel } from '../device/CounterDevicePanel';
import { CounterEnrollmentNotice } from '../device/CounterEnrollmentNotice';
import { AgendaView } from './AgendaView';
import { PrivacyView } from './PrivacyView';
import { QueueView } from './QueueView';
import { ReceiptsView } from './ReceiptsView';
import { RequestView } from './RequestView';
import { StaffAdminView } from './StaffAdminView';
import { StatsView } from './StatsView';
import { SyncView } from './SyncView';
import { useIdleLock } from './use-idle-lock';

export type DeskView = 'queue' | 'request' | 'sync' | 'stats' | 'privacy' | 'receipts' | 'staff' | 'device' | 'agenda';

interface ViewDef {
  id: DeskView;
  minimum: StaffRole;
  render(): ReactNode;
}

interface Props {
  bridge: Bridge;
  info: AppInfo;
  session: DeskSession;
  member: StaffMember;
  onSession(session: DeskSession): void;
  onSignedOut(): void;
}

/** The desk once someone is signed in: header, views with Alt+digit shortcuts, the reference search, the idle lock. */
export function DeskShell({ bridge, info, session, member, onSession, onSignedOut }: Props) {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLElement>(null);
  const idle = useIdleLock(bridge, session.autoLockSeconds, onSignedOut);

  /** What the request view opens on: a reference typed or scanned, or the form for a new request. */
  const [reference, setReference] = useState<{ value: string | null; at: number } | null>(null);
  /** Why the text in the reference field opens nothing; the text stays as typed, the field is marked. */
  const [searchError, setSearchError] = useState<string | null>(null);
  const refuseSearch = (message: string) => {
    setSearchError(message);
    search.current?.focus();
  };
  const found = () => {
    setSearchError(null);
    if (search.current) search.current.value = '';
  };
  const notFound = (code: string) => {
    setCurrent('request');
    refuseSearch(t('counter.desk.codeUnknown', { code }));
  };
  const allViews: ViewDef[] = [
    { id: 'queue', minimum: 'staff', render: () => <QueueView bridge={bridge} onSignedOut={onSignedOut} /> },
    { id: 'request', minimum: 'staff', render: () => <RequestView key={reference?.at} bridge={bridge} reference={reference?.value ?? null} onFound={found} onNotFound={notFound} startNew={reference !== null && reference.value === null} region={info.region} onNew={newRequest} onSignedOut={onSignedOut} /> },
    { id: 'sync', minimum: 'staff', render: () => <SyncView bridge={bridge} onSignedOut={onSignedOut} /> },
    { id: 'stats', minimum: 'staff', render: () => <StatsView bridge={bridge} onSignedOut={onSignedOut} /> },
    { id: 'privacy', minimum: 'staff', render: () => <PrivacyView bridge={bridge} me={member} locationName={info.location.name} onSignedOut={onSignedOut} /> },
    { id: 'receipts', minimum: 'staff', render: () => <ReceiptsView bridge={bridge} onSignedOut={onSignedOut} /> },
    { id: 'staff', minimum: 'location-manager', render: () => <StaffAdminView bridge={bridge} me={member} onSignedOut={onSignedOut} /> },
    { id: 'device', minimum: 'staff', render: () => <CounterDevicePanel bridge={bridge} info={info} me={member} onSignedOut={onSignedOut} /> },
    // Last, so the shortcuts of the views before it stay what staff know.
    { id: 'agenda', minimum: 'staff', render: () => <AgendaView bridge={bridge} me={member} onSignedOut={onSignedOut} /> },
  ];
  const views = allViews.filter((v) => hasStaffRole(member.role, v.minimum));
  const [current, setCurrent] = useState<DeskView>(views[0]?.id ?? 'device');
  const view = views.find((v) => v.id === current) ?? views[0];

  /** Typed, or sent by a scanner as a fast burst of keys ending in Enter: either way the form submits. */
  const openReference = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const typed = search.current?.value ?? '';
    const parsed = parseReference(typed);
    if (!parsed.ok) {
      if (parsed.problem !== 'empty') refuseSearch(t(`counter.desk.codeProblems.${parsed.problem}`, { count: parsed.cleaned.length }));
      return;
    }
    // The field keeps what was typed until the request opens: a code nobody has stays there to correct.
    setReference({ value: parsed.code, at: Date.now() });
    setCurrent('request');
  };

  const newRequest = () => {
    setReference({ value: null, at: Date.now() });
    setCurrent('request');
  };

  const lock = () => void bridge.call('staff.lock', {}).then(onSession, onSignedOut);
  const signOut = () => void bridge.call('staff.signOut', {}).then(onSession, onSignedOut);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A view that used the key already (the queue's one-key outcome question).
      if (e.defaultPrevented) return;
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select') !== null;
      if (!typing && e.key.length === 1 && /[a-z0-9]/i.test(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) {
        // A scanner (or a person) typing with no field focused: the keys belong in the reference search,
        // replacing a refused code that is still there.
        search.current?.focus();
        if (searchError) search.current?.select();
      } else if (e.key === 'F2') {
        e.preventDefault();
        // Selected, so the next code typed or scanned replaces the last one.
        search.current?.focus();
        search.current?.select();
      } else if (e.key === 'F3') {
        // F3 is the browser's "find next"; at the desk it starts a new request, next to F2's search.
        e.preventDefault();
        newRequest();
      } else if (e.altKey && !e.ctrlKey && /^[1-9]$/.test(e.key)) {
        const target = views[Number(e.key) - 1];
        if (target) {
          e.preventDefault();
          setCurrent(target.id);
          main.current?.focus();
        }
      } else if (e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="desk">
      <header className="desk__header">
        <p className="desk__location">{info.location.name}</p>
        <p className="desk__who">
          {member.displayName} <span className="desk__role">({t(`counter.staffRoles.${member.role}`)})</span>
        </p>
        <button type="button" className="desk-button desk-button--quiet" onClick={lock} aria-keyshortcuts="Alt+L">
          {t('counter.desk.lock')} <kbd>Alt+L</kbd>
        </button>
        <button type="button" className="desk-button desk-button--quiet" onClick={signOut}>
          {t('counter.desk.signOut')}
        </button>
      </header>
      <nav className="desk__nav" aria-label={t('counter.desk.navLabel')}>
        <ul>
          {views.map((v, i) => (
            <li key={v.id}>
              <button type="button" className="desk-tab" aria-current={v.id === view?.id ? 'page' : undefined} aria-keyshortcuts={`Alt+${i + 1}`} onClick={() => setCurrent(v.id)}>
                {t(`counter.views.${v.id}`)} <kbd>Alt+{i + 1}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <form role="search" className="desk__search" onSubmit={openReference}>
          <label htmlFor="reference-search">
            {t('counter.desk.search')} <kbd>F2</kbd>
          </label>
          <input
            id="reference-search"
            ref={search}
            type="search"
            aria-keyshortcuts="F2"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            placeholder="K7QD-M3XA"
            aria-invalid={searchError ? true : undefined}
            aria-describedby={searchError ? 'reference-search-error' : undefined}
          />
          {searchError && (
            <p id="reference-search-error" className="field__error desk__search-error">
              {searchError}
            </p>
          )}
        </form>
      </nav>
      {idle.warning && (
        <div role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text" className="desk__idle">
          <h2 id="idle-title">{t('counter.idle.title')}</h2>
          <p id="idle-text">{t('counter.idle.text')}</p>
          <button type="button" className="desk-button desk-button--primary" onClick={idle.stay}>
            {t('counter.idle.stay')}
          </button>
        </div>
      )}
      <CounterEnrollmentNotice bridge={bridge} />
      <main ref={main} tabIndex={-1} className="desk__main" aria-label={view ? t(`counter.views.${view.id}`) : undefined}>
        {view?.render()}
      </main>
    </div>
  );
}
