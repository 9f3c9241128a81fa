import type { Clock } from '../../electron/core/clock/clock';

export interface ManualClock extends Clock {
  /** Moves time on by `ms`, running every timer that falls due on the way, in order, each at its own time. */
  advance(ms: number): void;
  /** When the waiting timers fall due, soonest first: where the core has put its next move. */
  pending(): Date[];
}

/**
 * A clock that stands still until the test moves it: a core built with it does nothing on a timer
 * until then, however long the test takes in real time.
 */
export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  let nextId = 0;
  const timers = new Map<number, { at: number; every: number | null; fn: () => void }>();
  const add = (fn: () => void, ms: number, every: number | null) => {
    const id = nextId++;
    timers.set(id, { at: current + Math.max(0, ms), every, fn });
    return { cancel: () => void timers.delete(id) };
  };
  const soonest = (until: number): [number, { at: number; every: number | null; fn: () => void }] | undefined =>
    [...timers].filter(([, t]) => t.at <= until).sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
  return {
    now: () => new Date(current),
    setTimeout: (fn, ms) => add(fn, ms, null),
    setInterval: (fn, ms) => add(fn, ms, Math.max(1, ms)),
    advance(ms) {
      const end = current + ms;
      for (let due = soonest(end); due; due = soonest(end)) {
        const [id, timer] = due;
        current = timer.at;
        if (timer.every === null) timers.delete(id);
        else timer.at += timer.every;
        timer.fn();
      }
      current = end;
    },
    pending: () => [...timers.values()].map((t) => t.at).sort((a, b) => a - b).map((at) => new Date(at)),
  };
}
