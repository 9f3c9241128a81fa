import type { LanguageCode } from '../../../shared/contract/languages';
import type { Trajectory } from '../../../shared/domain/trajectory';

/** What a voucher receipt may know of a request: nothing that identifies the visitor. */
export interface StartedVoucher {
  reference: string;
  trajectory: Trajectory;
  providerId: string | null;
  language: LanguageCode;
  createdAt: string;
}

/** The final receipt: the same facts as the voucher receipt; identity checks never reach paper. */
export interface CompletedVoucher {
  reference: string;
  trajectory: Trajectory;
  providerId: string | null;
  language: LanguageCode;
  completedAt: string;
}

export interface TakenTicket {
  number: string;
  topic: string;
  expectedWaitMinutes: number | null;
  language: LanguageCode;
  createdAt: string;
}

/**
 * How the request services store a receipt: called inside their transaction, so the request and
 * its print job commit together; `committed` is called after the commit to start printing.
 */
export interface ReceiptWriter {
  voucherStarted(voucher: StartedVoucher): string;
  voucherCompleted(voucher: CompletedVoucher): string;
  ticketTaken(ticket: TakenTicket): string;
  committed(): void;
}
