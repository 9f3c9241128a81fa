/**
 * Runs a report soon after start and then at a fixed interval, and on demand. A call while one
 * is running joins it instead of starting a second, so a burst of triggers sends once. The timers
 * do not keep the process alive.
 */
export function schedulePeriodic<T>(run: () => Promise<T>, timing: { firstAfterMs: number; everyMs: number }): { now(): Promise<T>; stop(): void } {
  let running: Promise<T> | null = null;
  const now = (): Promise<T> => {
    running ??= run().finally(() => (running = null));
    return running;
  };
  const first = setTimeout(() => void now(), timing.firstAfterMs).unref();
  const every = setInterval(() => void now(), timing.everyMs).unref();
  return {
    now,
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
