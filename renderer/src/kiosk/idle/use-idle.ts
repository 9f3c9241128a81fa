import { useCallback, useEffect, useRef, useState } from 'react';
import { idlePhase, samePhase, type IdlePhase } from './idle-phase';

const activityEvents = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Watches for a quiet screen while `watching` is true. Activity restarts the clock, except while
 * the warning shows: then only `stay()` (the dialog's one big button) does, so a stray touch on
 * the backdrop cannot silently keep a stranger's answers on screen.
 */
export function useIdle(idleSeconds: number, watching: boolean, onExpire: () => void): { phase: IdlePhase; stay: () => void } {
  const lastActivity = useRef(Date.now());
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const warning = phase.kind === 'warning';
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (!watching || warning) return;
    const touch = (): void => {
      lastActivity.current = Date.now();
    };
    touch();
    for (const event of activityEvents) window.addEventListener(event, touch, { capture: true, passive: true });
    return () => {
      for (const event of activityEvents) window.removeEventListener(event, touch, { capture: true });
    };
  }, [watching, warning]);

  useEffect(() => {
    if (!watching) {
      setPhase({ kind: 'active' });
      return;
    }
    const timer = window.setInterval(() => {
      const next = idlePhase(lastActivity.current, Date.now(), idleSeconds);
      if (next.kind === 'expired') {
        setPhase({ kind: 'active' });
        expire.current();
        return;
      }
      setPhase((prev) => (samePhase(prev, next) ? prev : next));
    }, 1000);
    return () => window.clearInterval(timer);
  }, [watching, idleSeconds]);

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    setPhase({ kind: 'active' });
  }, []);

  return { phase, stay };
}
