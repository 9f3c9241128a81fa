/** A timer from a Clock; cancelling one that already ran does nothing. */
export interface Timer {
  cancel(): void;
}

/**
 * The core's one source of time: what time it is, and when to run something later. The
 * composition root builds every module with the same clock, so a test that moves it moves the
 * whole device (see docs/architecture.md, "One clock").
 */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): Timer;
  setInterval(fn: () => void, ms: number): Timer;
}

/**
 * The wall clock and Node's timers: the only place in the core that touches them. A pending timer
 * never keeps the process alive; the shells decide when the app ends.
 */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms).unref();
    return { cancel: () => clearTimeout(timer) };
  },
  setInterval: (fn, ms) => {
    const timer = setInterval(fn, ms).unref();
    return { cancel: () => clearInterval(timer) };
  },
};

/** Dates from `now` and the system's timers: what a caller that only sets the date (CoreOptions.now) gets. */
export function clockWithNow(now: () => Date): Clock {
  return { ...systemClock, now };
}

/**
 * Resolves after the I/O waiting now has run: not a time, so not on the Clock (a manual clock
 * would never run it). Long work in steps (a pack's search index) awaits it between steps.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A deadline on a real peer (an HTTP request): real time, like AbortSignal.timeout, and `expire`
 * is called with the same TimeoutError, or with `outer`'s reason when that aborts first. `clear()`
 * drops its timer and its listener on `outer` as soon as the answer is in: AbortSignal.timeout
 * keeps its timer, signal and listeners for the whole timeout (a device sending 50 messages a
 * second held 750 of them at any time), and an AbortController per request cost the drain more
 * than the request itself.
 */
export function deadline(ms: number, expire: (reason: Error) => void, outer?: AbortSignal): { clear(): void } {
  const timer = setTimeout(() => fire(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
  function clear(): void {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
  function fire(reason: Error): void {
    clear();
    expire(reason);
  }
  function forward(): void {
    fire(outer?.reason instanceof Error ? outer.reason : new DOMException('This operation was aborted', 'AbortError'));
  }
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  return { clear };
}
