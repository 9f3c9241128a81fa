import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../shared/staff/staff-role';
import { BridgeCallError, type Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from '../counter/bridge-errors';
import { useDeviceStatus } from './use-device-status';

type Outcome = { kind: 'none' } | { kind: 'busy' } | { kind: 'enrolled' } | { kind: 'failed'; key: string };

/** Where this device stands with the central API, and for IT the field to type a new one-time code. */
export function EnrollmentSection({ bridge, role, onSignedOut }: { bridge: Bridge; role: StaffRole; onSignedOut(): void }) {
  const { t } = useTranslation();
  const { status, refresh } = useDeviceStatus(bridge);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const enroll = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setOutcome({ kind: 'busy' });
    bridge.call('device.enroll', { code }).then(
      (next) => {
        refresh(next);
        setCode('');
        setOutcome({ kind: 'enrolled' });
      },
      (err: unknown) => {
        if (isSignedOut(err)) return onSignedOut();
        const code = err instanceof BridgeCallError ? err.error.code : 'internal';
        setOutcome({ kind: 'failed', key: code === 'conflict' || code === 'invalid_input' ? `counter.devicePanel.enrollErrors.${code}` : errorKey(err) });
      },
    );
  };

  return (
    <section aria-labelledby="enrollment-title" data-testid="enrollment-section">
      <h2 id="enrollment-title">{t('counter.devicePanel.enrollmentTitle')}</h2>
      <p data-testid="enrollment-state" data-state={status?.enrollment ?? 'unknown'}>
        {t(`counter.devicePanel.enrollment.${status?.enrollment ?? 'unknown'}`)}
        {status?.lastHeartbeatAt && <> {t('counter.devicePanel.lastHeartbeat', { at: new Date(status.lastHeartbeatAt) })}</>}
      </p>
      {role === 'it' && status?.enrollment !== 'no-central-api' && (
        <form className="device-form" onSubmit={enroll} aria-describedby="enroll-hint">
          <label htmlFor="enrollment-code">{t('counter.devicePanel.codeLabel')}</label>
          <p id="enroll-hint" className="device-hint">{t('counter.devicePanel.codeHint')}</p>
          <input
            id="enrollment-code"
            name="enrollment-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            required
            aria-invalid={outcome.kind === 'failed' ? true : undefined}
            aria-describedby="enroll-outcome"
          />
          <button type="submit" className="desk-button desk-button--primary" disabled={outcome.kind === 'busy'}>
            {t('counter.devicePanel.enroll')}
          </button>
        </form>
      )}
      <p id="enroll-outcome" role="status" data-testid="enroll-outcome">
        {outcome.kind === 'busy' && t('counter.devicePanel.enrolling')}
        {outcome.kind === 'enrolled' && t('counter.devicePanel.enrolled')}
        {outcome.kind === 'failed' && t(outcome.key)}
      </p>
    </section>
  );
}
