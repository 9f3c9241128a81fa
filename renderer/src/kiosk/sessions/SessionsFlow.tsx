import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopContact } from '../../../../shared/contract/appointments-channels';
import { LanguageCode } from '../../../../shared/contract/languages';
import type { SeatBooked, SessionView } from '../../../../shared/contract/sessions-channels';
import { pickText } from '../../../../shared/content/localized-text';
import type { SessionsRoute } from '../appointments/appointment-routes';
import { CodeAndQr, ContactForm, FinishButton, StepTitle, UnreachableNotice, useWhen } from '../appointments/parts';
import { contactInput, emptyContact, type ContactDraft } from '../appointments/contact-draft';
import { useCall } from '../data/use-call';
import { useKiosk } from '../kiosk-context';
import { PrintStatus } from '../printing/PrintStatus';
import { ErrorNotice } from '../screens/ErrorNotice';
import { Loading } from '../screens/Loading';
import '../appointments/appointments.css';

export function SessionsFlow({ route }: { route: SessionsRoute }) {
  return (
    <div className="flow" data-screen={`sessions-${route.step}`}>
      {route.step === 'list' && <ListStep />}
      {route.step === 'contact' && <SignUpStep sessionId={route.sessionId} />}
      {route.step === 'done' && <DoneStep seat={route.seat} />}
    </div>
  );
}

/** The language a session is held in, named in the visitor's language ("Dutch", "Nederlands"). */
function languageName(code: string, visitorLanguage: string): string {
  return new Intl.DisplayNames([visitorLanguage], { type: 'language' }).of(code) ?? code;
}

/** "dinsdag 14 januari, 19.30 uur - nog 12 plaatsen", or that it is cancelled or full. */
function SessionCard({ session, onSignUp }: { session: SessionView; onSignUp?: () => void }) {
  const { t, i18n } = useTranslation();
  const when = useWhen();
  const state = session.cancelled ? 'cancelled' : session.remaining === 0 ? 'full' : 'open';
  return (
    <article className={`session session--${state}`} data-testid={`session-${session.id}`} data-state={state} aria-labelledby={`session-${session.id}-title`}>
      <h2 id={`session-${session.id}-title`} className="session__title">
        {pickText(session.title, i18n.language)}
      </h2>
      <p className="session__when">
        {when(session.start)}
        {state === 'open' && ` - ${t('sessions.seats', { count: session.remaining })}`}
      </p>
      {state !== 'open' && (
        <p className="session__state" data-testid="session-state">
          <span aria-hidden="true">⚠ </span>
          {t(`sessions.${state}`)}
        </p>
      )}
      <p>{pickText(session.description, i18n.language)}</p>
      <p className="session__meta">
        {t('sessions.place', { place: session.place })} · {t('sessions.language', { language: languageName(session.language, i18n.language) })}
      </p>
      {state === 'open' && onSignUp && (
        <div className="actions">
          <button type="button" className="button button--primary" data-testid={`session-signup-${session.id}`} aria-describedby={`session-${session.id}-title`} onClick={onSignUp}>
            {t('sessions.signUp')}
          </button>
        </div>
      )}
    </article>
  );
}

function ListStep() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const list = useCall('sessions.list', {});
  return (
    <>
      <StepTitle>{t('sessions.title')}</StepTitle>
      <p className="lead">{t('sessions.intro')}</p>
      {list.kind === 'loading' && <Loading />}
      {list.kind === 'failed' && <ErrorNotice message={t('sessions.failed')} />}
      {list.kind === 'ready' && list.data.outcome === 'unreachable' && <UnreachableNotice contact={list.data.contact} />}
      {list.kind === 'ready' && list.data.outcome === 'ok' && (
        list.data.sessions.length === 0 ? (
          <p className="notice notice--calm" role="status">{t('sessions.none')}</p>
        ) : (
          <ul className="sessions">
            {list.data.sessions.map((session) => (
              <li key={session.id}>
                <SessionCard session={session} onSignUp={() => go({ screen: 'sessions', step: 'contact', sessionId: session.id })} />
              </li>
            ))}
          </ul>
        )
      )}
    </>
  );
}

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'full'; alternatives: SessionView[] } | { kind: 'unreachable'; contact: ShopContact | null } | { kind: 'failed' };

function SignUpStep({ sessionId: chosen }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const { bridge, reset } = useKiosk();
  const list = useCall('sessions.list', {});
  const [sessionId, setSessionId] = useState(chosen);
  const [draft, setDraft] = useState<ContactDraft>(emptyContact);
  const [state, setState] = useState<Sending>({ kind: 'idle' });
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [sessionId]);
  const session = list.kind === 'ready' && list.data.outcome === 'ok' ? list.data.sessions.find((s) => s.id === sessionId) : undefined;

  const signUp = async (): Promise<void> => {
    if (state.kind === 'sending') return;
    setState({ kind: 'sending' });
    try {
      const result = await bridge.call('sessions.signUp', { sessionId, ...contactInput(draft), language: LanguageCode.catch('nl').parse(i18n.language), idempotencyKey });
      if (result.outcome === 'signed-up') reset([{ screen: 'welcome' }, { screen: 'home' }, { screen: 'sessions', step: 'done', seat: result.seat }]);
      else if (result.outcome === 'full') setState({ kind: 'full', alternatives: result.alternatives });
      else setState({ kind: 'unreachable', contact: result.contact });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  return (
    <>
      <StepTitle>{t('sessions.signUpTitle')}</StepTitle>
      {list.kind === 'loading' && <Loading />}
      {session && state.kind !== 'full' && <SessionCard session={session} />}
      {state.kind === 'full' && (
        <div className="notice notice--calm" role="status" data-testid="session-full">
          <p>{t('sessions.justFull')}</p>
          {state.alternatives.length === 0 ? (
            <p>{t('sessions.noOthers')}</p>
          ) : (
            <ul className="sessions">
              {state.alternatives.map((other) => (
                <li key={other.id}>
                  <SessionCard
                    session={other}
                    onSignUp={() => {
                      setSessionId(other.id);
                      setState({ kind: 'idle' });
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'unreachable' && <UnreachableNotice contact={state.contact} />}
      {state.kind === 'failed' && <ErrorNotice message={t('sessions.signUpFailed')} />}
      {state.kind !== 'full' && state.kind !== 'unreachable' && (
        <ContactForm draft={draft} onChange={setDraft} sending={state.kind === 'sending'} label={t('sessions.confirm')} sendingLabel={t('sessions.sending')} testId="session-confirm" onSubmit={() => void signUp()} />
      )}
    </>
  );
}

function DoneStep({ seat }: { seat: SeatBooked }) {
  const { t, i18n } = useTranslation();
  const when = useWhen();
  const list = useCall('sessions.list', {});
  const session = list.kind === 'ready' && list.data.outcome === 'ok' ? list.data.sessions.find((s) => s.id === seat.sessionId) : undefined;
  return (
    <>
      <StepTitle>{t('sessions.done.title')}</StepTitle>
      {session && <p className="lead">{pickText(session.title, i18n.language)}</p>}
      <p className="lead" data-testid="seat-when">
        {when(seat.start)}
      </p>
      {session && <p>{t('sessions.place', { place: session.place })}</p>}
      <CodeAndQr code={seat.code} label={t('sessions.done.code')} />
      <PrintStatus jobId={seat.printJobId} kind="receipt" texts="sessions.print" />
      <ul className="plain-list">
        <li>{t('sessions.done.arrive')}</li>
        <li>{t('sessions.done.cancel')}</li>
      </ul>
      <FinishButton />
    </>
  );
}
