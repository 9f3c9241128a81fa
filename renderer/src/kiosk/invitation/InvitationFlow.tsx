import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../../../shared/contract/languages';
import type { InvitationCheck } from '../../../../shared/contract/invitations-channels';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import { CameraScan, useHasCamera } from './CameraScan';
import { ErrorNotice } from '../screens/ErrorNotice';
import { useVisit } from '../visit/visit-context';

type Refusal = Exclude<InvitationCheck['status'], 'valid'>;

export function InvitationFlow({ step }: { step: 'code' | 'welcome' }) {
  return <div className="flow" data-screen={`invitation-${step}`}>{step === 'code' ? <CodeStep /> : <WelcomeStep />}</div>;
}

/**
 * The letter's code: typed on the on-screen keyboard, or typed by a scanner that works like a
 * keyboard (a burst of characters and Enter, wherever the focus is), or held to the kiosk's camera
 * where it has one. The core decides; the screen only passes on what it got.
 */
function CodeStep() {
  const { t, i18n } = useTranslation();
  const { bridge, go, home } = useKiosk();
  const { dispatch } = useVisit();
  const [code, setCode] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const hasCamera = useHasCamera();
  const [camera, setCamera] = useState(false);
  const check = async (value: string): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const result = await bridge.call('invitation.check', { code: value.slice(0, 256), language: LanguageCode.catch('nl').parse(i18n.language) });
      setBusy(false);
      if (result.status !== 'valid') return setRefusal(result.status);
      dispatch({ type: 'invitation', invitation: result });
      go({ screen: 'invitation', step: 'welcome' });
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };
  // A scanner's keystrokes when no field has the focus (the screen's title has it after opening).
  const burst = useRef('');
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.target instanceof HTMLInputElement) return;
      if (event.key === 'Enter' && burst.current) {
        // The scanner's Enter must not also press whatever button has the focus.
        event.preventDefault();
        const scanned = burst.current;
        burst.current = '';
        setCode(scanned.slice(0, 60));
        void check(scanned);
      } else if (event.key.length === 1 && burst.current.length < 256) {
        burst.current += event.key;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  const scanned = (value: string): void => {
    setCamera(false);
    setCode(value.slice(0, 60));
    void check(value);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void check(code);
  };
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('invitation.code.title')}
      </h1>
      <p className="lead">{t('invitation.code.intro')}</p>
      <p>{t('invitation.code.noCamera')}</p>
      {refusal && (
        <div className="notice" role="status" data-testid="invitation-refusal">
          <p>{t(`invitation.refusals.${refusal}`)}</p>
          <button type="button" className="button" onClick={home} data-testid="invitation-home">
            {t('invitation.toHome')}
          </button>
        </div>
      )}
      {failed && <ErrorNotice message={t('invitation.failed')} />}
      {hasCamera &&
        (camera ? (
          <CameraScan onCode={scanned} onStop={() => setCamera(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="button button--big" onClick={() => setCamera(true)} data-testid="invitation-camera-start">
              {t('invitation.camera.start')}
            </button>
          </div>
        ))}
      <form onSubmit={submit} noValidate>
        <TextField name="invitation-code" label={t('invitation.code.label')} hint={t('invitation.code.hint')} maxLength={60} value={code} onChange={setCode} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="invitation-check">
            {t('invitation.code.check')}
          </button>
        </div>
      </form>
    </>
  );
}

function WelcomeStep() {
  const { t } = useTranslation();
  const { go, home } = useKiosk();
  const { visit } = useVisit();
  const invitation = visit.invitation;
  if (!invitation) return null;
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('invitation.welcome.title')}
      </h1>
      <p className="lead" data-testid="invitation-welcome">
        {invitation.welcome}
      </p>
      <h2>{t('invitation.welcome.paths')}</h2>
      <ul className="plain-list">
        {invitation.paths.map((path) => (
          <li key={path}>{t(`invitation.paths.${path}`)}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button button--primary button--big" data-testid="invitation-continue" onClick={() => go({ screen: 'eligibility', step: 'start' })}>
          {t('invitation.welcome.check')}
        </button>
        <button type="button" className="button" onClick={home}>
          {t('invitation.welcome.other')}
        </button>
      </div>
    </>
  );
}
