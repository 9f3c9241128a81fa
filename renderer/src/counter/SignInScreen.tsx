import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { DeskSession } from '../../../shared/contract/staff-channels';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey } from './bridge-errors';
import { DeskGate } from './DeskGate';
import { Field } from './Field';
import { formatTimeWithSeconds } from '../../../shared/domain/location-time';

interface Props {
  bridge: Bridge;
  info: AppInfo;
  /** Set when the desk locked itself: the same person only needs their PIN. */
  lockedFor: DeskSession['lockedFor'];
  onSignedIn(session: DeskSession): void;
}

export function SignInScreen({ bridge, info, lockedFor, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(lockedFor?.username ?? '');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !pin) {
      setMessage(t('counter.signIn.bothNeeded'));
      return;
    }
    setBusy(true);
    try {
      const result = await bridge.call('staff.signIn', { username, pin });
      if (result.ok) return onSignedIn(result.session);
      setPin('');
      setMessage(
        result.reason === 'locked' && result.lockedUntil
          ? t('counter.signIn.locked', { time: formatTimeWithSeconds(result.lockedUntil) })
          : t('counter.signIn.wrong'),
      );
      pinRef.current?.focus();
    } catch (err) {
      setMessage(t(errorKey(err)));
    }
    setBusy(false);
  };

  return (
    <DeskGate
      info={info}
      titleId="sign-in-title"
      title={lockedFor ? t('counter.signIn.lockedTitle') : t('counter.signIn.title')}
      intro={lockedFor ? t('counter.signIn.lockedIntro', { name: lockedFor.displayName }) : t('counter.signIn.intro', { location: info.location.name })}
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <Field label={t('counter.staff.username')} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus={!lockedFor} />
        <Field
          label={t('counter.staff.pin')}
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          inputRef={pinRef}
          autoFocus={Boolean(lockedFor)}
        />
        <p role="alert" className="desk-error">
          {message}
        </p>
        <button type="submit" className="desk-button desk-button--primary" disabled={busy}>
          {t('counter.signIn.submit')}
        </button>
      </form>
    </DeskGate>
  );
}
