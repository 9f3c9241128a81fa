import type { PrintJob } from '../../../shared/printing/print-job';
import type { Clock, Timer } from '../clock/clock';
import type { Logger } from '../log/logger';
import type { PrinterCheck, PrinterDevice, RenderedJob } from './printer-device';
import type { PrintJobStore } from './print-job-store';

export interface SpoolerOptions {
  jobs: PrintJobStore;
  device: PrinterDevice;
  render(job: PrintJob): RenderedJob | Promise<RenderedJob>;
  /** After this long without printing, a job fails and the visitor is sent to staff. */
  giveUpAfterMs: number;
  /** First retry delay; it doubles per attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  logger: Logger;
  onCheck?(check: PrinterCheck): void;
  /** Give-up ages, retry times and the timer that waits for them. */
  clock: Clock;
  random?(): number;
}

export interface PrintSpooler {
  /** Look for due jobs now (after a job was stored). */
  kick(): void;
  /** Runs until no job is due right now; for tests and shutdown. */
  drain(): Promise<void>;
  /** True while it is talking to the printer (checking it or sending a job). */
  busy(): boolean;
  close(): Promise<void>;
}

/**
 * Sends stored jobs one at a time, oldest first. A job is marked "sending" only once the printer
 * said it is ready, right before the bytes go out; so a job that a crash or a dead printer kept
 * from sending is simply sent later, and a job that may have printed is never sent twice.
 */
export function createPrintSpooler(options: SpoolerOptions): PrintSpooler {
  const { jobs, device, logger, clock } = options;
  const now = (): Date => clock.now();
  const random = options.random ?? Math.random;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8000;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: Timer | null = null;
  let closed = false;

  const recovered = jobs.recoverInterrupted();
  if (recovered > 0) logger.warn('print jobs interrupted while sending; not sent again', { count: recovered });

  /** Doubling delay with half of it random, so kiosks sharing a printer do not retry in step. */
  const delayFor = (attempts: number): number => {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempts, 16));
    return ceiling / 2 + random() * (ceiling / 2);
  };

  const giveUpIfTooOld = (job: PrintJob, reason: string): boolean => {
    if (now().getTime() - Date.parse(job.createdAt) < options.giveUpAfterMs) return false;
    jobs.markFailed(job.id, `gave up after ${Math.round(options.giveUpAfterMs / 1000)} s: ${reason}`);
    logger.warn('print job given up', { job: job.id, kind: job.document.kind, attempts: job.attempts, reason });
    return true;
  };

  const processJob = async (job: PrintJob): Promise<void> => {
    if (giveUpIfTooOld(job, job.lastError ?? 'printer not ready')) return;
    let rendered: RenderedJob;
    try {
      rendered = await options.render(job);
    } catch (err) {
      // A job that cannot be laid out never will be: fail it rather than block the queue behind it.
      jobs.markFailed(job.id, `could not be laid out: ${err instanceof Error ? err.message : 'unknown error'}`);
      logger.error('print job could not be laid out', { job: job.id, kind: job.document.kind });
      return;
    }
    let outcome: { printed: boolean; check: PrinterCheck };
    let claimed = false;
    try {
      outcome = await device.print(rendered, () => (claimed = jobs.markSending(job.id)));
    } catch (err) {
      const reason = err instanceof Error ? err.message : 'sending failed';
      logger.warn('print job broke off while sending; will send it again', { job: job.id, reason });
      jobs.markRetry(job.id, new Date(now().getTime() + delayFor(job.attempts)), reason);
      return;
    }
    options.onCheck?.(outcome.check);
    if (outcome.printed) {
      jobs.markPrinted(job.id, now());
      jobs.retryAllNow();
      logger.info('print job printed', { job: job.id, kind: job.document.kind, copy: job.copyOf !== null });
      return;
    }
    if (outcome.check.state === 'ready' && !claimed) return;
    const reason = outcome.check.detail ?? outcome.check.state;
    if (giveUpIfTooOld(job, reason)) return;
    jobs.markRetry(job.id, new Date(now().getTime() + delayFor(job.attempts)), reason);
  };

  const schedule = (): void => {
    if (closed) return;
    timer?.cancel();
    timer = null;
    const at = jobs.nextDueAt();
    if (!at) return;
    timer = clock.setTimeout(kick, Math.max(0, at.getTime() - now().getTime()));
  };

  const run = async (): Promise<void> => {
    for (let job = jobs.nextDue(now()); job && !closed; job = jobs.nextDue(now())) await processJob(job);
    schedule();
  };

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((err: unknown) => logger.error('print spooler stopped on an error', { error: err instanceof Error ? err.message : 'unknown' }))
      .finally(() => {
        running = null;
        // A job stored while the last run was finishing must not wait for the retry timer.
        if (again) {
          again = false;
          kick();
        }
      });
  }

  // Whatever waited before the restart gets its turn now, oldest first.
  jobs.retryAllNow();
  kick();

  return {
    kick,
    busy: () => running !== null,
    async drain() {
      kick();
      while (running) await running;
    },
    async close() {
      closed = true;
      timer?.cancel();
      await running;
    },
  };
}
