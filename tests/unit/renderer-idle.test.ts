import { describe, expect, it } from 'vitest';
import { idlePhase, warningSeconds } from '../../renderer/src/kiosk/idle/idle-phase';

describe('kiosk idle clock', () => {
  const idle = 90;
  it('stays quiet until the configured idle time has passed', () => {
    expect(idlePhase(0, 89_999, idle)).toEqual({ kind: 'active' });
  });

  it('then warns with a countdown of at least 20 seconds (WCAG 2.2.1)', () => {
    expect(warningSeconds).toBeGreaterThanOrEqual(20);
    expect(idlePhase(0, 90_000, idle)).toEqual({ kind: 'warning', secondsLeft: warningSeconds });
    expect(idlePhase(0, 90_000 + (warningSeconds - 1) * 1000 + 1, idle)).toEqual({ kind: 'warning', secondsLeft: 1 });
  });

  it('expires when the countdown has run out', () => {
    expect(idlePhase(0, (idle + warningSeconds) * 1000, idle)).toEqual({ kind: 'expired' });
  });

  it('counts from the last activity, not from the start', () => {
    expect(idlePhase(60_000, 140_000, idle)).toEqual({ kind: 'active' });
  });
});
