import type { Clock } from '../core/clock/clock';

/** Fleet time that runs `factor` times as fast as the wall clock, from now: a day of heartbeats in minutes. */
export function compressedClock(factor: number): Clock {
  const realStart = Date.now();
  const now = () => new Date(realStart + (Date.now() - realStart) * factor);
  return {
    now,
    setTimeout: (fn, ms) => {
      const t = setTimeout(fn, ms / factor).unref();
      return { cancel: () => clearTimeout(t) };
    },
    setInterval: (fn, ms) => {
      const t = setInterval(fn, ms / factor).unref();
      return { cancel: () => clearInterval(t) };
    },
  };
}
