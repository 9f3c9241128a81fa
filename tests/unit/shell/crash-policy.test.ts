import { describe, expect, it } from 'vitest';
import { createCrashPolicy, defaultCrashPolicy } from '../../../electron/shell/main/crash-policy';

const minute = 60_000;

describe('what a crashed screen does next', () => {
  it('reloads after a short wait, then waits longer each time', () => {
    const policy = createCrashPolicy();
    expect(policy.onCrash(0)).toEqual({ action: 'reload', delayMs: 1_000, crashesInWindow: 1 });
    expect(policy.onCrash(1 * minute)).toEqual({ action: 'reload', delayMs: 5_000, crashesInWindow: 2 });
    expect(policy.onCrash(2 * minute)).toEqual({ action: 'reload', delayMs: 15_000, crashesInWindow: 3 });
  });

  it('shows "out of order" instead of looping when crashes keep coming', () => {
    const policy = createCrashPolicy();
    for (let i = 0; i < 3; i += 1) policy.onCrash(i * 1000);
    expect(policy.onCrash(4000)).toEqual({ action: 'out-of-order', retryAfterMs: defaultCrashPolicy.retryOutOfOrderAfterMs, crashesInWindow: 4 });
    expect(policy.onCrash(5000).action).toBe('out-of-order');
  });

  it('forgets crashes older than the window, so a crash a day never ends in "out of order"', () => {
    const policy = createCrashPolicy();
    for (let day = 0; day < 30; day += 1) {
      expect(policy.onCrash(day * 24 * 60 * minute)).toEqual({ action: 'reload', delayMs: 1_000, crashesInWindow: 1 });
    }
  });

  it('tries the app again after the out-of-order pause, with a clean count once the window has passed', () => {
    const policy = createCrashPolicy();
    for (let i = 0; i < 4; i += 1) policy.onCrash(i * 1000);
    expect(policy.onCrash(4000 + defaultCrashPolicy.retryOutOfOrderAfterMs)).toMatchObject({ action: 'reload', crashesInWindow: 1 });
  });
});
