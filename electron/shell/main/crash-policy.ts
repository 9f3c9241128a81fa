export interface CrashPolicyOptions {
  /** Wait before each reload: the first crash reloads quickly, later ones give the machine air. */
  backoffMs: readonly number[];
  /** More crashes than this within windowMs and the device shows "out of order" instead. */
  maxCrashes: number;
  windowMs: number;
  /** How long "out of order" stays before one calm retry; a fault that passed (a full disk cleaned) heals. */
  retryOutOfOrderAfterMs: number;
}

export const defaultCrashPolicy: CrashPolicyOptions = {
  backoffMs: [1_000, 5_000, 15_000],
  maxCrashes: 3,
  windowMs: 10 * 60_000,
  retryOutOfOrderAfterMs: 30 * 60_000,
};

export type CrashAction = { action: 'reload'; delayMs: number; crashesInWindow: number } | { action: 'out-of-order'; retryAfterMs: number; crashesInWindow: number };

export interface CrashPolicy {
  onCrash(now: number): CrashAction;
}

/** Reload with backoff, and stop the loop when crashes come too often to be bad luck. */
export function createCrashPolicy(options: CrashPolicyOptions = defaultCrashPolicy): CrashPolicy {
  let crashes: number[] = [];
  return {
    onCrash: (now) => {
      crashes = [...crashes.filter((at) => now - at < options.windowMs), now];
      const count = crashes.length;
      if (count > options.maxCrashes) return { action: 'out-of-order', retryAfterMs: options.retryOutOfOrderAfterMs, crashesInWindow: count };
      const delayMs = options.backoffMs[Math.min(count - 1, options.backoffMs.length - 1)] ?? 0;
      return { action: 'reload', delayMs, crashesInWindow: count };
    },
  };
}
