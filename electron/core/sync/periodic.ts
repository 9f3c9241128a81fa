import type { Clock } from '../clock/clock';

/**
 * Runs a report soon after start and then at a fixed interval, and on demand. A call while one
 * is running joins it instead of starting a second, so a burst of triggers sends once. The timers
 * are the core's clock's.
 */
export function schedulePeriodic<T>(run: () => Promise<T>, timing: { firstAfterMs: number; everyMs: number }, clock: Clock): { now(): Promise<T>; stop(): void } {
  let running: Promise<T> | null = null;
  const now = (): Promise<T> => {
    running ??= run().finally(() => (running = null));
    return running;
  };
  const first = clock.setTimeout(() => void now(), timing.firstAfterMs);
  const every = clock.setInterval(() => void now(), timing.everyMs);
  return {
    now,
    stop: () => {
      first.cancel();
      every.cancel();
    },
  };
}
