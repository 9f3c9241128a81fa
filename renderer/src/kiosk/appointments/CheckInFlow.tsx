import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TypedAppointmentCode, type CheckInResult, type ShopContact } from '../../../../shared/contract/appointments-channels';
import { BridgeCallError } from '../../bridge/bridge-client';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import { ErrorNotice } from '../screens/ErrorNotice';
import type { CheckInRoute } from './appointment-routes';
import { FinishButton, UnreachableNotice, useWhen } from './parts';
import './appointments.css';

export function CheckInFlow({ route }: { route: CheckInRoute }) {
  return <div className="flow" data-screen={`checkin-${route.step}`}>{route.step === 'code' ? <CodeStep /> : <DoneStep result={route.result} />}</div>;
}

type State = { kind: 'idle' } | { kind: 'sending' } | { kind: 'invalid' } | { kind: 'unknown' } | { kind: 'not-today'; start: string } | { kind: 'unreachable'; contact: ShopContact | null } | { kind: 'failed' };

/**
 * The visitor types the slip's code on the on-screen keyboard, or a scanner that types like a
 * keyboard sends it with Enter. Keys that arrive while no field has focus (the heading has it on
 * arrival) are a scanner's: they go into the code field, so the scan is not lost.
 */
function CodeStep() {
  const { t } = useTranslation();
  const { bridge, reset } = useKiosk();
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
        {t('appointments.checkIn.title')}
      </h1>
      <p className="lead">{t('appointments.checkIn.intro')}</p>
      {state.kind === 'unreachable' && <UnreachableNotice contact={state.contact} />}
      {state.kind === 'not-today' && (
        <p className="notice notice--calm" role="status" data-testid="checkin-not-today">
          {t('appointments.checkIn.notToday', { when: when(state.start) })}
        </p>
      )}
      {state.kind === 'unknown' && <ErrorNotice message={t('appointments.checkIn.unknown')} />}
      {state.kind === 'failed' && <ErrorNotice message={t('appointments.checkIn.failed')} />}
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
            {t('appointments.checkIn.send')}
          </button>
        </div>
      </form>
    </>
  );
}

function DoneStep({ result }: { result: Extract<CheckInResult, { outcome: 'checked-in' }> }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('appointments.checkIn.doneTitle')}
      </h1>
      <p className="lead" data-testid="checkin-when">
        {t('appointments.checkIn.yourTime', { when: when(result.start) })}
      </p>
      <p className="lead">{result.asWalkIn ? t('appointments.checkIn.late') : t('appointments.checkIn.wait')}</p>
      <FinishButton />
    </>
  );
}
