import { nextTurn, type Clock, type Timer } from '../clock/clock';
import type { Logger } from '../log/logger';
import type { Acknowledgement, Outbox, PendingMessage, QuarantinedRow } from '../outbox/outbox';
import { backoffDelay } from './backoff';
import type { CentralClient, SendOutcome } from './central-client';
import type { SyncProgress } from './sync-status';

/** How the worker gets and renews the device token (enrollment lives elsewhere). */
export interface SyncAuth {
  token(): string | null;
  /** Called on a 401: get a new token. False when that is not possible now (the worker waits and probes). */
  renew(): Promise<boolean>;
}

export interface SyncWorkerOptions {
  outbox: Outbox;
  /** The central API, or on a kiosk of a location with a hub, the hub (same shape). */
  client: Pick<CentralClient, 'send' | 'healthy'>;
  auth: SyncAuth;
  logger: Logger;
  /** Dates on the rows and every wait (backoff, probes, the idle poll). */
  clock: Clock;
  /** Full jitter draws from this; null turns jitter off (only the storm benchmark's baseline does). */
  random?: (() => number) | null;
  maxInFlight?: number;
  baseDelayMs?: number;
  capDelayMs?: number;
  /** Consecutive outage failures that open the circuit. */
  circuitThreshold?: number;
  /** First health-probe delay while the circuit is open; doubles (with jitter) up to probeCapMs. */
  probeBaseMs?: number;
  /** Longest wait between health probes while the circuit is open; capDelayMs at most, and by default. */
  probeCapMs?: number;
  /** How often an idle worker looks for rows it was not told about. */
  idlePollMs?: number;
  /**
   * After an outage, start with one request in flight and double with every acknowledgement up to
   * maxInFlight, so a fleet coming back does not meet a recovering API with its full concurrency.
   * Off only in the storm benchmark's baseline.
   */
  rampAfterOutage?: boolean;
  /**
   * After an outage the first attempt waits a random time (full jitter) within this window, so a
   * fleet whose probes succeed together spreads its restart. It should grow with the fleet (the
   * central API's capacity is shared by every device): about 10 ms per device. Default baseDelayMs.
   */
  resumeWindowMs?: number;
  /**
   * While other answers are still on their way, acknowledgements wait this long at most (or until
   * 4 x maxInFlight of them are in) to be committed together: each commit costs far more than a
   * row in it. Default 25 ms.
   */
  ackDelayMs?: number;
  /** Runs inside the transaction that marks a row acknowledged (e.g. to stamp the domain row). */
  onAcked?: (message: PendingMessage, receipt: unknown, at: Date) => void;
}

/**
 * Sends the outbox to the central API: per aggregate strictly in order (a later message waits for
 * the earlier one's acknowledgement), at most maxInFlight at once, retrying with backoff and full
 * jitter, honouring Retry-After, and opening a circuit after repeated outages so a dead API is
 * probed cheaply instead of hammered; when it answers again, sending resumes at a random moment
 * and ramps up from one request in flight. Nothing is ever dropped: a row leaves "pending" only when
 * acknowledged or refused by the API (needs attention).
 */
export function createSyncWorker(options: SyncWorkerOptions) {
  const { outbox, client, auth, logger, clock } = options;
  const now = (): Date => clock.now();
  const random = options.random === undefined ? Math.random : options.random;
  const maxInFlight = options.maxInFlight ?? 4;
  const baseMs = options.baseDelayMs ?? 1000;
  const capMs = options.capDelayMs ?? 5 * 60_000;
  const threshold = options.circuitThreshold ?? 5;
  const probeBaseMs = options.probeBaseMs ?? 2000;
  const probeCapMs = Math.min(options.probeCapMs ?? capMs, capMs);
  const idlePollMs = options.idlePollMs ?? 5000;
  const rampAfterOutage = options.rampAfterOutage ?? true;
  const resumeWindowMs = options.resumeWindowMs ?? baseMs;

  const inFlight = new Map<number, AbortController>();
  /**
   * Acknowledgements received and not committed yet, by outbox id. Their rows are still pending in
   * the database, so the rows behind them in their aggregate stay held back, and they are never
   * read or sent again meanwhile. A crash before the commit only means a resend, which the API
   * answers from its idempotency key.
   */
  const acking = new Map<number, Acknowledgement>();
  let ackTurn: Promise<void> | null = null;
  let ackTimer: Timer | null = null;
  const ackBatch = maxInFlight * 4;
  const ackDelayMs = options.ackDelayMs ?? 25;
  let running = false;
  let timer: Timer | null = null;
  let wakeAt: Date | null = null;
  let circuitOpen = false;
  let probes = 0;
  let outageStreak = 0;
  let probing = false;
  /** Some row is waiting out a backoff that an outage caused: news that the link works is worth acting on. */
  let outageBackoff = false;
  /** The latest Retry-After the API asked for: a wake-up never sends before it. */
  let holdUntil = 0;
  /** How many may be in flight now: maxInFlight, or less while ramping up after an outage. */
  let sendWindow = maxInFlight;
  const widen = (): void => {
    sendWindow = Math.min(maxInFlight, sendWindow * 2);
  };
  const settled = new Set<Promise<void>>();
  /**
   * Rows read ahead in one query, so a freed slot is refilled without a query per message. Valid
   * only while the outbox's generation stays the one they were read at (no row that could come
   * before them, no erasure, no closing since).
   */
  let readAhead: PendingMessage[] = [];
  let readAheadAt = -1;
  const readAheadSize = Math.max(32, maxInFlight * 4);

  function nextMessages(capacity: number): PendingMessage[] {
    if (readAheadAt !== outbox.generation()) readAhead = [];
    if (readAhead.length < capacity) {
      const exclude = [...inFlight.keys(), ...acking.keys(), ...readAhead.map((m) => m.id)];
      readAhead.push(...outbox.ready(now(), exclude, Math.max(capacity, readAheadSize) - readAhead.length, quarantined));
      readAheadAt = outbox.generation();
    }
    return readAhead.splice(0, capacity);
  }

  const schedule = (ms: number, fn: () => void): void => {
    timer?.cancel();
    const delay = Math.max(0, Math.min(ms, 2 ** 31 - 1));
    wakeAt = new Date(now().getTime() + delay);
    timer = clock.setTimeout(() => {
      timer = null;
      wakeAt = null;
      fn();
    }, delay);
  };

  function openCircuit(reason: string): void {
    if (!circuitOpen) logger.warn('central API unreachable: pausing sync and probing its health', { reason, outageStreak });
    circuitOpen = true;
    readAhead = [];
    scheduleProbe();
  }

  function scheduleProbe(): void {
    schedule(backoffDelay(probes, probeBaseMs, probeCapMs, random) || 1, () => void probe());
  }

  async function probe(): Promise<void> {
    if (!running || probing) return;
    probing = true;
    probes++;
    const ok = await client.healthy();
    probing = false;
    // A heartbeat may have ended the outage while this probe was on its way.
    if (!running || !circuitOpen) return;
    if (!ok) return scheduleProbe();
    resume('probe', { probes });
  }

  /**
   * The other side answers again (a probe, or a heartbeat that got through): the outage is over.
   * Everything waiting out a backoff that the outage caused goes soon rather than at its old time;
   * "soon" is a random moment within the resume window (full jitter), so devices whose probes
   * succeeded together do not all send in the same instant.
   */
  function resume(evidence: string, fields: Record<string, number> = {}): void {
    logger.info('reachable again: sending the queue now', { evidence, ...fields });
    if (circuitOpen && rampAfterOutage) sendWindow = 1;
    circuitOpen = false;
    probes = 0;
    outageStreak = 0;
    outageBackoff = false;
    const at = now().getTime();
    outbox.retryNow(new Date(Math.max(at, holdUntil)));
    schedule((random ? Math.floor(random() * resumeWindowMs) : 0) + Math.max(0, holdUntil - at), pump);
  }

  function pump(): void {
    if (!running || circuitOpen) return;
    try {
      const capacity = sendWindow - inFlight.size;
      if (capacity > 0) {
        for (const message of nextMessages(capacity)) dispatch(message);
      }
      // Acknowledgements on their way to the disk: their commit pumps again.
      if (inFlight.size === 0 && acking.size === 0) {
        const due = outbox.nextDueAt();
        const untilDue = due === null ? idlePollMs : Math.max(1, due - now().getTime());
        schedule(Math.min(untilDue, idlePollMs), pump);
      }
    } catch (err) {
      // A database that cannot be read right now (busy, disk trouble) must not take the app down
      // from a timer: the rows stay where they are and the worker looks again later.
      logger.error('sync could not read the outbox', { error: err instanceof Error ? err.message : String(err) });
      schedule(idlePollMs, pump);
    }
  }

  // Said once per row: a quarantined row leaves "pending", so no later pass meets it again.
  function quarantined(row: QuarantinedRow): void {
    logger.error('an outbox message cannot be read: moved to needs attention, the rest of the queue goes on', { outboxId: row.id, kind: row.kind, reference: row.reference, reason: row.reason });
  }

  function dispatch(message: PendingMessage): void {
    const controller = new AbortController();
    inFlight.set(message.id, controller);
    const done = attempt(message, controller.signal)
      .catch((err: unknown) => logger.error('sync attempt failed unexpectedly', { outboxId: message.id, error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        inFlight.delete(message.id);
        settled.delete(done);
        // The last answer awaited may be what held the acknowledgements back.
        scheduleAckCommit();
        pump();
      });
    settled.add(done);
  }

  /**
   * Queues an acknowledgement for a commit that takes every one that arrived meanwhile in one
   * transaction. The slot is free at once: the next send need not wait for the disk.
   */
  function acknowledge(message: PendingMessage, receipt: unknown, at: Date): void {
    acking.set(message.id, { message, receipt, at, alsoInTransaction: () => options.onAcked?.(message, receipt, at) });
    scheduleAckCommit();
  }

  /** At the next turn of the event loop (no clock wait), the queued acknowledgements commit, or wait for more. */
  function scheduleAckCommit(): void {
    if (acking.size === 0 || ackTurn) return;
    const turn: Promise<void> = nextTurn().then(() => {
      ackTurn = null;
      settled.delete(turn);
      // More answers are on their way: up to a full batch or ackDelayMs, they join this commit.
      if (running && inFlight.size > 0 && acking.size < ackBatch) {
        ackTimer ??= clock.setTimeout(commitAcks, ackDelayMs);
        return;
      }
      commitAcks();
    });
    ackTurn = turn;
    settled.add(turn);
  }

  function commitAcks(): void {
    ackTimer?.cancel();
    ackTimer = null;
    if (acking.size === 0) return;
    const batch = [...acking.values()];
    let failures: unknown[];
    try {
      failures = outbox.markAcked(batch);
    } catch (err) {
      failures = batch.map(() => err);
    } finally {
      acking.clear();
    }
    failures.forEach((failure, i) => {
      if (failure === null) return;
      const error = failure instanceof Error ? failure.message : String(failure);
      logger.error('an acknowledgement could not be recorded: the message will be sent again (its key makes that safe)', { outboxId: batch[i]?.message.id, error });
    });
    pump();
  }

  async function attempt(message: PendingMessage, signal: AbortSignal): Promise<void> {
    // A device that never enrolled asks for a token first rather than collect a certain 401.
    if (auth.token() === null) await auth.renew();
    if (!running) return;
    let outcome: SendOutcome = await client.send(message, auth.token(), signal);
    if (!running) return;
    if (outcome.kind === 'unauthorized') {
      const renewed = await auth.renew();
      if (!running) return;
      outcome = renewed ? await client.send(message, auth.token(), signal) : { kind: 'retry', reason: 'the device token was refused and could not be renewed', outage: true };
      if (!running) return;
      if (outcome.kind === 'unauthorized') outcome = { kind: 'retry', reason: 'the renewed device token was refused too', outage: true };
    }
    const at = now();
    switch (outcome.kind) {
      case 'acked':
        outageStreak = 0;
        widen();
        acknowledge(message, outcome.receipt, at);
        return;
      case 'rejected':
        outageStreak = 0;
        // A refusal is an answer too: the API is up and keeping pace.
        widen();
        outbox.markNeedsAttention(message.id, outcome.reason, at, outcome.problemType);
        logger.warn('central API refused a message: it needs attention', { outboxId: message.id, kind: message.kind, reference: message.reference, reason: outcome.reason });
        return;
      case 'retry': {
        const wait = Math.max(backoffDelay(message.attempts, baseMs, capMs, random), outcome.retryAfterMs ?? 0);
        if (outcome.retryAfterMs) holdUntil = Math.max(holdUntil, at.getTime() + outcome.retryAfterMs);
        if (outcome.outage) outageBackoff = true;
        outbox.markRetry(message.id, new Date(at.getTime() + wait), outcome.reason, at);
        logger.info('sync attempt failed, will retry', { outboxId: message.id, kind: message.kind, attempt: message.attempts + 1, reason: outcome.reason, retryInMs: wait });
        if (outcome.outage && ++outageStreak >= threshold) openCircuit(outcome.reason);
        return;
      }
    }
  }

  const progress: SyncProgress = {
    // Until its acknowledgement is committed, a message counts as in flight.
    inFlight: () => inFlight.size + acking.size,
    nextAttemptAt: () => (inFlight.size + acking.size === 0 ? wakeAt : null),
  };

  return {
    progress,
    start(): void {
      if (running) return;
      running = true;
      pump();
    },
    /** New work or a hint that the network is back (the OS online event): look now instead of at the next timer. */
    nudge(): void {
      if (!running) return;
      if (circuitOpen) {
        timer?.cancel();
        void probe();
      } else if (inFlight.size < sendWindow) {
        pump();
      }
    },
    /**
     * Evidence that the other side is reachable, from outside the worker (the device's heartbeat
     * to the central API or to the hub got through). After an outage this resets the backoff and
     * sends at once instead of at the next probe, which may be minutes away; otherwise it does nothing.
     */
    reachable(): void {
      if (!running || !(circuitOpen || outageBackoff)) return;
      resume('heartbeat');
    },
    get circuitOpen(): boolean {
      return circuitOpen;
    },
    /**
     * Stops sending; requests in flight are abandoned and stay pending (their key makes a resend
     * safe). Acknowledgements already received are committed before it resolves.
     */
    async stop(): Promise<void> {
      running = false;
      readAhead = [];
      timer?.cancel();
      timer = null;
      for (const controller of inFlight.values()) controller.abort();
      await Promise.allSettled([...settled]);
      // Acknowledgements that were waiting for more to join them.
      commitAcks();
    },
  };
}

export type SyncWorker = ReturnType<typeof createSyncWorker>;
