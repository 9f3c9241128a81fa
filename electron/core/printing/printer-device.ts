import type { PrinterState } from '../../../shared/printing/printer-status';
import type { Layout } from './layout';

export interface PrinterCheck {
  state: PrinterState;
  paperLow: boolean;
  reportsPaper: boolean;
  /** For the log and the counter: what exactly went wrong. */
  detail: string | null;
}

export interface RenderedJob {
  id: string;
  layout: Layout;
  bytes: Buffer;
}

/** A place receipts come out: a network printer, or the virtual printer of demo mode. */
export interface PrinterDevice {
  readonly kind: 'tcp' | 'virtual';
  check(): Promise<PrinterCheck>;
  /**
   * Prints when the printer is ready and answers with what it found either way; throws only when
   * sending broke off halfway, after which nobody can tell what came out. `claim` is called once
   * the printer is ready, right before the first byte; when it answers false nothing is sent.
   */
  print(job: RenderedJob, claim: () => boolean): Promise<{ printed: boolean; check: PrinterCheck }>;
}
