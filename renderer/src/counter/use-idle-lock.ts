import { useEffect, useRef, useState } from 'react';
import type { Bridge } from '../bridge/bridge-client';

/**
 * Mirrors the core's auto-lock in the screen: keyboard and mouse activity is reported to the core
 * (at most every few seconds), a warning appears before the lock with time to extend it with one
 * key (WCAG 2.2.1), and at the deadline the core is asked, since the core decides.
 */
export function useIdleLock(bridge: Bridge, autoLockSeconds: number, onExpired: () => void): { warning: boolean; stay(): void } {
  const [warning, setWarning] = useState(false);
  const lastActivity = useRef(Date.now());
  const lastTouch = useRef(Date.now());
  const expired = useRef(onExpired);
  expired.current = onExpired;

  const lockMs = autoLockSeconds * 1000;
  const warnMs = Math.min(30_000, lockMs / 2);
  const touchEveryMs = Math.min(15_000, lockMs / 4);

  useEffect(() => {
    const activity = () => {
      const now = Date.now();
      lastActivity.current = now;
      setWarning(false);
      if (now - lastTouch.current >= touchEveryMs) {
        lastTouch.current = now;
        bridge.call('staff.touch', {}).catch(() => expired.current());
      }
    };
    const tick = setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= lockMs) expired.current();
      else setWarning(idle >= lockMs - warnMs);
    }, 1000);
    window.addEventListener('keydown', activity, true);
    window.addEventListener('pointerdown', activity, true);
    return () => {
      clearInterval(tick);
      window.removeEventListener('keydown', activity, true);
      window.removeEventListener('pointerdown', activity, true);
    };
  }, [bridge, lockMs, warnMs, touchEveryMs]);

  return {
    warning,
    stay: () => {
      lastActivity.current = Date.now();
      lastTouch.current = Date.now();
      setWarning(false);
      bridge.call('staff.touch', {}).catch(() => expired.current());
    },
  };
}
