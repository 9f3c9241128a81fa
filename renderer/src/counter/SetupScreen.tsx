import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { DeskSession } from '../../../shared/contract/staff-channels';
import { Pin, Username } from '../../../shared/staff/pin';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey } from './bridge-errors';
import { DeskGate } from './DeskGate';
import { Field, focusFirstError } from './Field';

interface Props {
  bridge: Bridge;
  info: AppInfo;
  onDone(session: DeskSession): void;
}

/** First run of a counter: whoever sets it up becomes its location manager. */
export function SetupScreen({ bridge, info, onDone }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ displayName: '', username: '', pin: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof form, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = { displayName: useRef<HTMLInputElement>(null), username: useRef<HTMLInputElement>(null), pin: useRef<HTMLInputElement>(null), repeat: useRef<HTMLInputElement>(null) };

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!form.displayName.trim()) found.displayName = t('counter.setup.nameNeeded');
    if (!Username.safeParse(form.username).success) found.username = t('counter.staff.usernameRule');
    if (!Pin.safeParse(form.pin).success) found.pin = t('counter.staff.pinRule');
    else if (form.pin !== form.repeat) found.repeat = t('counter.setup.pinMismatch');
    setErrors(found);
    // A weak PIN sends focus to the PIN, not the repeat field where Enter was pressed.
    if (focusFirstError(found, ['displayName', 'username', 'pin', 'repeat'], fields)) return;
    setBusy(true);
    try {
      onDone(await bridge.call('staff.setup', { displayName: form.displayName, username: form.username, pin: form.pin }));
    } catch (err) {
      setFailure(t(errorKey(err)));
      setBusy(false);
    }
  };

  return (
    <DeskGate info={info} titleId="setup-title" title={t('counter.setup.title')} intro={t('counter.setup.intro')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <Field label={t('counter.staff.displayName')} autoComplete="name" value={form.displayName} onChange={set('displayName')} error={errors.displayName} inputRef={fields.displayName} autoFocus />
        <Field label={t('counter.staff.username')} hint={t('counter.staff.usernameRule')} autoComplete="username" value={form.username} onChange={set('username')} error={errors.username} inputRef={fields.username} />
        <Field label={t('counter.staff.pin')} hint={t('counter.staff.pinRule')} type="password" inputMode="numeric" autoComplete="new-password" value={form.pin} onChange={set('pin')} error={errors.pin} inputRef={fields.pin} />
        <Field label={t('counter.setup.repeatPin')} type="password" inputMode="numeric" autoComplete="new-password" value={form.repeat} onChange={set('repeat')} error={errors.repeat} inputRef={fields.repeat} />
        {failure && <p role="alert" className="desk-error">{failure}</p>}
        <button type="submit" className="desk-button desk-button--primary" disabled={busy}>
          {t('counter.setup.submit')}
        </button>
      </form>
    </DeskGate>
  );
}
