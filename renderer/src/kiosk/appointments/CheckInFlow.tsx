import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TypedAppointmentCode, type CancelResult, type CheckInResult, type ShopContact } from '../../../../shared/contract/appointments-channels';
import { BridgeCallError } from '../../bridge/bridge-client';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import { ErrorNotice } from '../screens/ErrorNotice';
import type { CheckInRoute } from './appointment-routes';
import { FinishButton, UnreachableNotice, useWhen } from './parts';
import './appointments.css';

export function CheckInFlow({ route }: { route: CheckInRoute }) {
  return (
    <div className="flow" data-screen={`checkin-${route.step}`}>
      {route.step === 'code' ? <CodeStep purpose={route.purpose ?? 'check-in'} /> : route.step === 'done' ? <DoneStep result={route.result} /> : <CancelledStep result={route.result} />}
    </div>
  );
}

type State = { kind: 'idle' } | { kind: 'sending' } | { kind: 'invalid' } | { kind: 'unknown' } | { kind: 'not-today'; start: string } | { kind: 'unreachable'; contact: ShopContact | null } | { kind: 'failed' };

/**
 * The visitor types the slip's code on the on-screen keyboard, or a scanner that types like a
 * keyboard sends it with Enter. Keys that arrive while no field has focus (the heading has it on
 * arrival) are a scanner's: they go into the code field, so the scan is not lost.
 */
function CodeStep({ purpose }: { purpose: 'check-in' | 'cancel' }) {
  const { t } = useTranslation();
  const { bridge, reset, go } = useKiosk();
  const words = purpose === 'cancel' ? 'appointments.cancelByCode' : 'appointments.checkIn';
  const [code, setCode] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  const when = useWhen();

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea') !== null;
      if (typing || e.altKey || e.ctrlKey || e.metaKey || e.key.length !== 1 || !/[a-z0-9]/i.test(e.key)) return;
      form.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const send = async (): Promise<void> => {
    const parsed = TypedAppointmentCode.safeParse(code);
    if (!parsed.success) return setState({ kind: 'invalid' });
    setState({ kind: 'sending' });
    try {
      if (purpose === 'cancel') {
        const cancelled = await bridge.call('appointments.cancel', { code: parsed.data });
        if (cancelled.outcome === 'cancelled') reset([{ screen: 'welcome' }, { screen: 'home' }, { screen: 'checkin', step: 'cancelled', result: cancelled }]);
        else setState({ kind: 'unreachable', contact: cancelled.contact });
        return;
      }
      const result = await bridge.call('appointments.checkIn', { code: parsed.data });
      if (result.outcome === 'checked-in') reset([{ screen: 'welcome' }, { screen: 'home' }, { screen: 'checkin', step: 'done', result }]);
      else if (result.outcome === 'not-today') setState({ kind: 'not-today', start: result.start });
      else setState({ kind: 'unreachable', contact: result.contact });
    } catch (err) {
      setState(err instanceof BridgeCallError && (err.error.code === 'not_found' || err.error.code === 'invalid_input' || err.error.code === 'conflict') ? { kind: 'unknown' } : { kind: 'failed' });
    }
  };

  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t(`${words}.title`)}
      </h1>
      <p className="lead">{t(`${words}.intro`)}</p>
      {state.kind === 'unreachable' && <UnreachableNotice contact={state.contact} />}
      {state.kind === 'not-today' && (
        <p className="notice notice--calm" role="status" data-testid="checkin-not-today">
          {t('appointments.checkIn.notToday', { when: when(state.start) })}
        </p>
      )}
      {state.kind === 'unknown' && <ErrorNotice message={t('appointments.checkIn.unknown')} />}
      {state.kind === 'failed' && <ErrorNotice message={t(`${words}.failed`)} />}
      <form
        ref={form}
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <TextField name="code" label={t('appointments.checkIn.code')} hint={t('appointments.checkIn.codeHint')} maxLength={20} value={code} error={state.kind === 'invalid' ? t('appointments.checkIn.invalid') : undefined} onChange={setCode} />
        <div className="actions">
          <button type="submit" className="button button--primary button--big" data-testid="checkin-send" disabled={state.kind === 'sending'}>
            {t(`${words}.send`)}
          </button>
          {purpose === 'check-in' && (
            <button type="button" className="button button--big" data-testid="checkin-to-cancel" onClick={() => go({ screen: 'checkin', step: 'code', purpose: 'cancel' })}>
              {t('appointments.cancelByCode.switch')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

const turnEveryMs = 2000;

/**
 * While the visitor is still at the screen, it asks whether the desk has called them, and says so
 * once it has. Where the kiosk cannot tell (behind a hub) the answer stays "unknown" and the screen
 * says what it always said.
 */
function useCalled(code: string): boolean {
  const { bridge } = useKiosk();
  const [called, setCalled] = useState(false);
  useEffect(() => {
    if (called) return undefined;
    const ask = (): void => {
      bridge.call('appointments.turn', { code }).then(
        (answer) => setCalled(answer.turn === 'called'),
        () => undefined,
      );
    };
    ask();
    const timer = setInterval(ask, turnEveryMs);
    return () => clearInterval(timer);
  }, [bridge, code, called]);
  return called;
}

function DoneStep({ result }: { result: Extract<CheckInResult, { outcome: 'checked-in' }> }) {
  const { t } = useTranslation();
  const when = useWhen();
  const called = useCalled(result.code);
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('appointments.checkIn.doneTitle')}
      </h1>
      <p className="lead" data-testid="checkin-when">
        {t('appointments.checkIn.yourTime', { when: when(result.start) })}
      </p>
      <p className="lead">{result.asWalkIn ? t('appointments.checkIn.late') : t('appointments.checkIn.wait')}</p>
      {/* Present from the start, so a screen reader announces the call when it fills. */}
      <div role="status">
        {called && (
          <p className="notice notice--calm" data-testid="checkin-your-turn">
            {t('appointments.checkIn.yourTurn')}
          </p>
        )}
      </div>
      <FinishButton />
    </>
  );
}

function CancelledStep({ result }: { result: Extract<CancelResult, { outcome: 'cancelled' }> }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('appointments.cancelByCode.doneTitle')}
      </h1>
      <p className="lead" data-testid="cancelled-when">
        {t(result.kind === 'seat' ? 'appointments.cancelByCode.doneSeat' : 'appointments.cancelByCode.doneAppointment', { when: when(result.start) })}
      </p>
      <FinishButton />
    </>
  );
}
