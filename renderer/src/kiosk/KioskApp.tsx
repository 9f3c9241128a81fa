import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { LanguageCode } from '../../../shared/contract/languages';
import type { Bridge } from '../bridge/bridge-client';
import { KioskEnrollmentNotice } from '../device/KioskEnrollmentNotice';
import { KioskHubLinkNote } from '../device/KioskHubLinkNote';
import { applyDocumentLanguage } from '../i18n/i18n';
import { isOutpost } from './appointments/outpost';
import { OutpostHelpDialog } from './appointments/OutpostHelpDialog';
import { IdleDialog, LanguageDialog, StaffDialog, StopDialog } from './dialogs/KioskDialogs';
import { applyDisplayPrefs, defaultDisplayPrefs, isDefaultDisplay, nextTextSize, type DisplayPrefs } from './display/display-prefs';
import { useIdle } from './idle/use-idle';
import { KeyboardContext, type KeyboardApi, type KeyboardTarget } from './keyboard/keyboard-context';
import { OnScreenKeyboard } from './keyboard/OnScreenKeyboard';
import { KioskContext, type KioskApi } from './kiosk-context';
import { currentRoute, endsVisit, initialStack, navigate, type NavAction } from './navigation/nav-stack';
import type { Route } from './navigation/routes';
import { ReadAloudBar } from './read-aloud/ReadAloudBar';
import { useSpeech } from './read-aloud/use-speech';
import { ScreenSwitch } from './ScreenSwitch';
import { Toolbar } from './toolbar/Toolbar';
import { StepSlotContext } from './top/step-slot';
import { taskOf } from './top/task';
import { TopArea } from './top/TopArea';
import { useQueue } from './top/use-queue';
import { useShopClock } from './top/use-shop-clock';
import { wipeBrowserTraces } from './session/wipe-traces';
import { newVisit, VisitContext, visitReducer } from './visit/visit-context';

type OpenDialog = 'none' | 'language' | 'stop' | 'staff';

/**
 * The kiosk: one visit at a time. A visit is a React subtree under a key, and everything of it
 * lives in that subtree: the path, the answers and the form, the display choices, the dialogs.
 * Ending the visit changes the key, so every piece of state, every typed letter and every scroll
 * position goes with the old tree, and the new tree starts from the defaults by construction.
 * Every way to the welcome screen ends the visit (see endsVisit), so the welcome screen is always
 * a fresh start.
 */
export function KioskApp({ info, bridge }: { info: AppInfo; bridge: Bridge }) {
  const [visitKey, setVisitKey] = useState(0);
  const erase = useCallback(() => {
    wipeBrowserTraces([]);
    setVisitKey((k) => k + 1);
  }, []);
  return <Visit key={visitKey} info={info} bridge={bridge} erase={erase} />;
}

interface VisitProps {
  info: AppInfo;
  bridge: Bridge;
  erase(): void;
}

function Visit({ info, bridge, erase }: VisitProps) {
  const { t, i18n } = useTranslation();
  const [prefs, setPrefs] = useState<DisplayPrefs>(defaultDisplayPrefs);
  const [stack, nav] = useReducer(navigate, initialStack);
  const [visit, dispatchVisit] = useReducer(visitReducer, undefined, newVisit);
  const [dialog, setDialog] = useState<OpenDialog>('none');
  const [keyboardTarget, setKeyboardTarget] = useState<KeyboardTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const mainRef = useRef<HTMLElement>(null);
  const route = currentRoute(stack);
  const speech = useSpeech(i18n.language, bridge);
  const [stepSlot, setStepSlot] = useState<HTMLElement | null>(null);
  const task = taskOf(route);
  const queue = useQueue(bridge, task.queue && !isOutpost(info), stack);
  const shopNow = useShopClock(bridge);

  // Before the first paint of a visit: the device's display and language, whatever the last visitor chose.
  useLayoutEffect(() => applyDisplayPrefs(prefs), [prefs]);
  useLayoutEffect(() => {
    void i18n.changeLanguage(info.defaultLanguage).then(() => applyDocumentLanguage(info.defaultLanguage));
  }, []);

  const move = (action: NavAction): void => (endsVisit(stack, action) ? erase() : nav(action));

  const onWelcome = route.screen === 'welcome';
  const { phase, stay } = useIdle(info.idleSeconds, !onWelcome || !isDefaultDisplay(prefs) || dialog !== 'none', erase);
  const warning = phase.kind === 'warning';

  useEffect(() => {
    setAnnouncement(warning ? t('idle.announce', { count: phase.kind === 'warning' ? phase.secondsLeft : 0 }) : '');
    // Announce once when the warning opens, not every second of the countdown.
  }, [warning]);

  // A new screen starts at the top, with focus on its title so a screen reader says where we are.
  useEffect(() => {
    setKeyboardTarget(null);
    mainRef.current?.scrollTo(0, 0);
    speech.stop();
    const main = mainRef.current;
    const title = main?.querySelector<HTMLElement>('[data-autofocus]') ?? document.getElementById('screen-title');
    if (title || !main) return title?.focus({ preventScroll: true });
    // A screen still loading has no title yet: the content area holds focus until the title
    // arrives, then the title takes it, unless the visitor has moved on to something else.
    main.focus({ preventScroll: true });
    const waitForTitle = new MutationObserver(() => {
      const arrived = document.getElementById('screen-title');
      if (!arrived) return;
      waitForTitle.disconnect();
      if (document.activeElement === main || document.activeElement === document.body) arrived.focus({ preventScroll: true });
    });
    waitForTitle.observe(main, { childList: true, subtree: true });
    return () => waitForTitle.disconnect();
  }, [stack]);

  const api = useMemo<KioskApi>(
    () => ({
      info,
      bridge,
      route,
      go: (next: Route) => move({ type: 'go', route: next }),
      back: () => move({ type: 'back' }),
      home: () => move({ type: 'home' }),
      reset: (routes) => move({ type: 'reset', routes }),
      chooseLanguage: (language: LanguageCode) => {
        void i18n.changeLanguage(language).then(() => applyDocumentLanguage(language));
      },
      finish: () => (route.screen === 'feedback' ? erase() : move({ type: 'go', route: { screen: 'feedback' } })),
      erase,
      askStaff: () => setDialog('staff'),
    }),
    [info, bridge, stack, i18n, erase],
  );

  const keyboard = useMemo<KeyboardApi>(
    () => ({
      open: (target) => setKeyboardTarget((current) => (current?.element === target.element ? current : target)),
    }),
    [],
  );

  const readAloud = (): void => {
    if (speech.speaking) return speech.stop();
    if (mainRef.current) speech.read(mainRef.current);
  };

  return (
    <KioskContext.Provider value={api}>
      <VisitContext.Provider value={{ visit, dispatch: dispatchVisit }}>
        <KeyboardContext.Provider value={keyboard}>
          <div className="kiosk">
            <TopArea info={info} task={task} queue={queue} now={shopNow} stepSlot={setStepSlot} />
            <main className="kiosk__main" ref={mainRef} aria-labelledby="screen-title" tabIndex={-1}>
              <KioskEnrollmentNotice bridge={bridge} />
              <StepSlotContext.Provider value={stepSlot}>
                <ScreenSwitch route={route} />
              </StepSlotContext.Provider>
            </main>
            {keyboardTarget && <OnScreenKeyboard target={keyboardTarget} onDone={() => {
              keyboardTarget.element.blur();
              setKeyboardTarget(null);
            }} />}
            <ReadAloudBar speech={speech} />
            <Toolbar
              showNavigation={!onWelcome}
              prefs={prefs}
              speech={speech}
              onBack={() => move({ type: 'back' })}
              onHome={() => move({ type: 'home' })}
              onLanguage={() => setDialog('language')}
              onTextSize={() => setPrefs((p) => ({ ...p, textSize: nextTextSize(p.textSize) }))}
              onContrast={() => setPrefs((p) => ({ ...p, highContrast: !p.highContrast }))}
              onReadAloud={readAloud}
              onStop={() => setDialog('stop')}
              onStaff={() => setDialog('staff')}
              staffLabel={isOutpost(info) ? t('appointments.outpost.help') : undefined}
            />
            <div className="visually-hidden" role="status" aria-live="assertive" data-testid="announcer">
              {announcement}
            </div>
          </div>
          {dialog === 'language' && (
            <LanguageDialog
              onChoose={(language) => {
                api.chooseLanguage(language);
                setDialog('none');
              }}
              onClose={() => setDialog('none')}
            />
          )}
          {dialog === 'stop' && <StopDialog onErase={erase} onClose={() => setDialog('none')} />}
          {dialog === 'staff' && isOutpost(info) && (
            <OutpostHelpDialog
              onClose={() => setDialog('none')}
              onAppointment={
                route.screen === 'appointment'
                  ? undefined
                  : () => {
                      setDialog('none');
                      move({ type: 'go', route: { screen: 'appointment', step: 'topic' } });
                    }
              }
            />
          )}
          {dialog === 'staff' && !isOutpost(info) && (
            <StaffDialog
              onClose={() => setDialog('none')}
              staffNote={<KioskHubLinkNote bridge={bridge} />}
              onTicket={
                route.screen === 'ticket'
                  ? undefined
                  : () => {
                      setDialog('none');
                      move({ type: 'go', route: { screen: 'ticket', step: 'topic' } });
                    }
              }
            />
          )}
          {phase.kind === 'warning' && <IdleDialog secondsLeft={phase.secondsLeft} onStay={stay} />}
        </KeyboardContext.Provider>
      </VisitContext.Provider>
    </KioskContext.Provider>
  );
}
