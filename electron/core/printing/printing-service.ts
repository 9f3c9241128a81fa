import type { Database } from 'better-sqlite3';
import type { DeviceConfig, PrinterConfig } from '../../../shared/config/device-config';
import type { PrintDocument } from '../../../shared/printing/print-document';
import type { PrintJob, PrintJobSummary } from '../../../shared/printing/print-job';
import type { PrinterState, PrinterStatus } from '../../../shared/printing/printer-status';
import type { Clock } from '../clock/clock';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import { composeReceipt, onScreenCode, type ReceiptContext } from './compose-receipt';
import { encodeEscPos, type PrinterModel } from './escpos-encoder';
import type { PrinterCheck, PrinterDevice } from './printer-device';
import type { ReceiptWriter } from './receipt-writer';
import { receiptLanguage, type LanguageCode } from '../../../shared/contract/languages';
import { createSqlitePrintJobStore, type PrintJobFilter, type PrintJobStore } from './print-job-store';
import { createPrintSpooler, type PrintSpooler } from './print-spooler';
import { renderPreviewHtml } from './receipt-preview';
import { createTcpPrinter } from './tcp-printer';
import { createVirtualPrinter } from './virtual-printer';
import { ticketTopicName } from './templates/receipt-texts';

export interface PrintingServiceOptions {
  config: DeviceConfig;
  dataDir: string;
  logger: Logger;
  /** When jobs were stored and printed, how old a printer check is, and the spooler's retry timer. */
  clock: Clock;
  /** The device database (print jobs live next to what they print); null when it could not be opened. */
  db: Database | null;
  /** Names for provider and topic ids in the receipt's language (`receiptLanguage`), from the content pack. */
  names?: Partial<DisplayNames>;
  /** Told when a check finds the printer in another state than the last one (e.g. out of paper). */
  onStateChange?: (state: PrinterState) => void;
  /** Retry timing for tests; the give-up time comes from the config. */
  retry?: { baseDelayMs: number; maxDelayMs: number };
  /** How long a printer check answers status(); default one second. Tests set 0 to see every check. */
  statusMaxAgeMs?: number;
}

export interface DisplayNames {
  provider(id: string, language: LanguageCode): string;
  topic(id: string, language: LanguageCode): string;
  /** The shop's address as the content pack gives it, for a device config that has none. */
  shopAddress(locationId: string): string | undefined;
}

/** Until a content pack supplies names: "werk-zoeken" reads as "Werk zoeken". */
const fromSlug = (id: string): string => {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface PrintingService {
  /** For the request services: stores print jobs inside their transactions (see receipt-writer.ts). */
  readonly receipts: ReceiptWriter;
  /** Stores a job in a transaction of its own and sends it: final receipts, test prints. */
  enqueue(document: PrintDocument): PrintJobSummary;
  reprint(jobId: string): PrintJobSummary;
  job(jobId: string): PrintJobSummary;
  recent(limit: number, filter?: PrintJobFilter): PrintJobSummary[];
  status(): Promise<PrinterStatus>;
  preview(jobId: string): Promise<string>;
  /** Waits until no job is due right now. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

type Printing = Exclude<PrinterConfig, { type: 'none' }>;

const defaultCharactersPerLine = (printer: Printing): number => printer.charactersPerLine ?? (printer.paperWidthMm === 58 ? 32 : 48);

/** Status checks are cheap but not free: the UI polls, the printer gets at most one query a second. */
const defaultStatusMaxAgeMs = 1000;

export function createPrintingService(options: PrintingServiceOptions): PrintingService {
  const { config, logger, clock } = options;
  const statusMaxAgeMs = options.statusMaxAgeMs ?? defaultStatusMaxAgeMs;
  const printer = config.printer;
  const known = options.names ?? {};
  const names: DisplayNames = {
    provider: (id, language) => {
      const name = known.provider?.(id, language);
      return name && name !== id ? name : fromSlug(id);
    },
    topic: (id, language) => {
      const name = known.topic?.(id, language);
      return name && name !== id ? name : fromSlug(id);
    },
    shopAddress: (locationId) => known.shopAddress?.(locationId),
  };
  const jobStore = options.db ? createSqlitePrintJobStore(options.db) : null;
  const storeOf = (): PrintJobStore => {
    if (!jobStore) throw new CoreError('unavailable', 'The device database is not available, so there are no print jobs on this device.');
    return jobStore;
  };
  const statusUrl = printer.type === 'none' ? undefined : printer.statusUrl;

  const context = (p: Printing): ReceiptContext => ({
    shopName: config.location.name,
    shopAddress: config.location.address ?? names.shopAddress(config.location.id),
    statusUrl: p.statusUrl,
    charactersPerLine: defaultCharactersPerLine(p),
  });
  const layoutOf = (job: PrintJob, p: Printing) => composeReceipt(job.document, { copy: job.copyOf !== null }, context(p));

  let device: PrinterDevice | null = null;
  let model: PrinterModel = 'epson';
  if (printer.type === 'tcp') {
    model = printer.model;
    device = createTcpPrinter({ host: printer.host, port: printer.port, model, timeoutMs: printer.connectTimeoutMs });
  } else if (printer.type === 'virtual') {
    device = createVirtualPrinter(options.dataDir);
  }

  let lastCheck: { check: PrinterCheck; at: number } | null = null;
  const noteCheck = (check: PrinterCheck): { check: PrinterCheck; at: number } => {
    const changed = lastCheck !== null && lastCheck.check.state !== check.state;
    if (changed) logger.info('printer state changed', { from: lastCheck?.check.state, to: check.state, detail: check.detail });
    lastCheck = { check, at: clock.now().getTime() };
    // After lastCheck is set: the listener may ask for the status at once and must get this check.
    if (changed) options.onStateChange?.(check.state);
    return lastCheck;
  };

  const spooler: PrintSpooler | null =
    device && jobStore && printer.type !== 'none'
      ? createPrintSpooler({
          jobs: jobStore,
          device,
          render: async (job) => {
            const layout = layoutOf(job, printer);
            return { id: job.id, layout, bytes: await encodeEscPos(layout, model) };
          },
          giveUpAfterMs: printer.giveUpAfterSeconds * 1000,
          ...options.retry,
          logger: logger.child({ part: 'printing' }),
          clock,
          onCheck: (check) => void noteCheck(check),
        })
      : null;

  const summary = (job: PrintJob): PrintJobSummary => {
    const shown = onScreenCode(job.document, statusUrl);
    return {
      id: job.id,
      kind: job.document.kind,
      state: job.state,
      copy: job.copyOf !== null,
      attempts: job.attempts,
      createdAt: job.createdAt,
      code: shown.code,
      qrPayload: shown.qrPayload,
      lastError: job.lastError,
    };
  };

  const find = (jobId: string): PrintJob => {
    const job = storeOf().get(jobId);
    if (!job) throw new CoreError('not_found', `There is no print job ${jobId} on this device.`);
    return job;
  };

  /** Stores a job; the caller's transaction, if any, decides when it becomes visible to the spooler. */
  const add = (document: PrintDocument, copyOf?: string): string => {
    const jobs = storeOf();
    const job = jobs.add(document, clock.now(), { copyOf });
    if (!spooler) jobs.markFailed(job.id, 'this device has no printer');
    return job.id;
  };
  const store = (document: PrintDocument, copyOf?: string): PrintJob => {
    const id = add(document, copyOf);
    spooler?.kick();
    return find(id);
  };

  const receipts: ReceiptWriter = {
    voucherStarted: (voucher) =>
      add({
        kind: 'voucher-receipt',
        language: voucher.language,
        data: {
          referenceCode: voucher.reference,
          trajectory: voucher.trajectory,
          provider: voucher.providerId === null ? null : names.provider(voucher.providerId, receiptLanguage(voucher.language)),
          requestedAt: voucher.createdAt,
        },
      }),
    voucherCompleted: (voucher) =>
      add({
        kind: 'final-receipt',
        language: voucher.language,
        data: {
          referenceCode: voucher.reference,
          trajectory: voucher.trajectory,
          provider: voucher.providerId === null ? null : names.provider(voucher.providerId, receiptLanguage(voucher.language)),
          completedAt: voucher.completedAt,
        },
      }),
    ticketTaken: (ticket) =>
      add({
        kind: 'queue-ticket',
        language: ticket.language,
        data: { ticketNumber: ticket.number, topic: ticketTopicName(ticket.topic, receiptLanguage(ticket.language)) ?? names.topic(ticket.topic, receiptLanguage(ticket.language)), takenAt: ticket.createdAt, expectedWaitMinutes: ticket.expectedWaitMinutes },
      }),
    committed: () => spooler?.kick(),
  };

  return {
    receipts,
    enqueue: (document) => summary(store(document)),
    reprint(jobId) {
      const original = find(jobId);
      return summary(store(original.document, original.id));
    },
    job: (jobId) => summary(find(jobId)),
    recent: (limit, filter) => storeOf().recent(limit, filter).map(summary),
    async status() {
      const counts = jobStore?.counts() ?? { pending: 0, failed: 0 };
      if (!device) {
        return { kind: 'none', state: 'none', paperLow: false, reportsPaper: false, checkedAt: clock.now().toISOString(), pendingJobs: counts.pending, failedJobs: counts.failed };
      }
      // While the spooler is talking to the printer its own checks keep lastCheck current; a second
      // connection could be turned away by a printer that serves one at a time and read as "offline".
      const reuse = lastCheck !== null && (clock.now().getTime() - lastCheck.at <= statusMaxAgeMs || spooler?.busy() === true);
      const current = reuse && lastCheck ? lastCheck : noteCheck(await device.check());
      return {
        kind: device.kind,
        state: current.check.state,
        paperLow: current.check.paperLow,
        reportsPaper: current.check.reportsPaper,
        checkedAt: new Date(current.at).toISOString(),
        pendingJobs: counts.pending,
        failedJobs: counts.failed,
      };
    },
    async preview(jobId) {
      const job = find(jobId);
      if (printer.type !== 'virtual') throw new CoreError('unavailable', 'Only the virtual printer of demo mode has a preview.');
      return renderPreviewHtml(layoutOf(job, printer), job.document.kind, job.document.language);
    },
    drain: async () => spooler?.drain(),
    async close() {
      await spooler?.close();
    },
  };
}
