/**
 * Where the next enrollment attempt gets its one-time code: the one IT just typed at the counter,
 * used once, else the provisioning source (IT's file in the data dir, or the demo simulator).
 * The code is a credential: it is held only until the attempt that uses it, and never logged.
 */
export interface OfferedCode {
  offer(code: string): void;
  /** Whether a typed code is still waiting for an attempt. */
  pending(): boolean;
  take(): Promise<string | null>;
}

export function offeredCode(fallback: () => Promise<string | null>): OfferedCode {
  let typed: string | null = null;
  return {
    offer: (code) => {
      typed = code;
    },
    pending: () => typed !== null,
    take: async () => {
      if (typed === null) return fallback();
      const code = typed;
      typed = null;
      return code;
    },
  };
}
