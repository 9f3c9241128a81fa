import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { DeskSession } from '../../../shared/contract/staff-channels';
import type { Bridge } from '../bridge/bridge-client';
import { DeskShell } from './DeskShell';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import './counter.css';

/** The counter desk: first-run setup, sign-in (or the lock screen), then the desk itself. */
export function CounterApp({ bridge, info }: { bridge: Bridge; info: AppInfo }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<DeskSession | null>(null);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(() => {
    bridge.call('staff.session', {}).then(setSession, () => setFailed(true));
  }, [bridge]);

  useEffect(refresh, [refresh]);

  if (failed) return <p className="status status--error" role="alert">{t('app.startFailed')}</p>;
  if (!session) return <p className="status" role="status">{t('app.loading')}</p>;
  if (session.setupNeeded) return <SetupScreen bridge={bridge} info={info} onDone={setSession} />;
  if (!session.signedIn) return <SignInScreen key={session.lockedFor?.username ?? ''} bridge={bridge} info={info} lockedFor={session.lockedFor} onSignedIn={setSession} />;
  return <DeskShell bridge={bridge} info={info} session={session} member={session.signedIn} onSession={setSession} onSignedOut={refresh} />;
}
