import { z } from 'zod';

const rate = z.number().min(0).max(1);

/**
 * What the simulator does wrong, and how often. Rates are per request and add up (at most 1): a
 * request gets at most one fault. Changed at start (CLI flags) or live (PUT /_sim/faults).
 */
export const FaultSettings = z
  .strictObject({
    /** Answer 500/502/503 without doing anything. */
    serverErrorRate: rate.default(0),
    /** Hold the request without an answer (the client's timeout fires), then drop it. */
    timeoutRate: rate.default(0),
    /** Drop the connection before reading the request. */
    resetRate: rate.default(0),
    /** Do the work and commit it, then drop the connection: the client never hears it succeeded. */
    ackLossRate: rate.default(0),
    /** Answer 503 with a Retry-After header. */
    retryAfterRate: rate.default(0),
    retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
    /** Wait slowMs before doing the work (the key stays "in flight" meanwhile). */
    slowRate: rate.default(0),
    slowMs: z.number().int().min(0).max(60_000).default(200),
    /** How long a "timeout" holds the request before dropping it. */
    holdMs: z.number().int().min(0).max(120_000).default(2_000),
    /**
     * Refuse (422) a voucher request whose e-mail address is at this domain, the way the central
     * API refuses an address it knows bounces: a refusal only a person can fix.
     */
    refuseEmailDomain: z.string().min(1).max(253).nullable().default(null),
    /** Down: every request, the health probe included, has its connection dropped. */
    down: z.boolean().default(false),
  })
  .refine((f) => f.serverErrorRate + f.timeoutRate + f.resetRate + f.ackLossRate + f.retryAfterRate + f.slowRate <= 1, {
    message: 'the fault rates add up to more than 1',
  });
export type FaultSettings = z.infer<typeof FaultSettings>;
export type FaultSettingsInput = z.input<typeof FaultSettings>;

export type Fault = 'server-error' | 'timeout' | 'reset' | 'ack-loss' | 'retry-after' | 'slow';

/** Draws at most one fault for a request; `random` is seeded in tests so a failing run can be replayed. */
export function drawFault(settings: FaultSettings, random: () => number): Fault | null {
  let r = random();
  const table: [Fault, number][] = [
    ['server-error', settings.serverErrorRate],
    ['timeout', settings.timeoutRate],
    ['reset', settings.resetRate],
    ['ack-loss', settings.ackLossRate],
    ['retry-after', settings.retryAfterRate],
    ['slow', settings.slowRate],
  ];
  for (const [fault, p] of table) {
    if (r < p) return fault;
    r -= p;
  }
  return null;
}

/** Mulberry32: a small seeded generator, good enough to spread faults and reproducible by seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
