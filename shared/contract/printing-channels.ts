import { z } from 'zod';
import { PrintJobId, PrintJobSummary } from '../printing/print-job';
import { PrinterStatusSchema } from '../printing/printer-status';
import { staffOnly } from './access';
import { channel } from './define-channel';

export const printingChannels = {
  'printer.status': channel({
    passive: true,
    summary: 'Whether the printer can print now (paper, cover, connection) and how many jobs wait or failed.',
    input: z.strictObject({}),
    output: PrinterStatusSchema,
  }),
  'print.job': channel({
    passive: true,
    summary: 'One print job: did it print? If not, the kiosk shows its code and QR on screen.',
    input: z.strictObject({ jobId: PrintJobId }),
    output: PrintJobSummary,
  }),
  'print.recent': channel({
    passive: true,
    summary: 'The latest print jobs on this device, newest first, for the counter; optionally only those whose code contains `code` (as typed: case, spaces and dashes do not matter), of one kind, or of one day (Dutch time).',
    input: z.strictObject({
      limit: z.number().int().min(1).max(200).default(50),
      code: z.string().max(40).optional(),
      kind: PrintJobSummary.shape.kind.optional(),
      day: z.iso.date().optional(),
    }),
    output: z.object({ jobs: z.array(PrintJobSummary) }),
    // Every job's receipt code: staff at the counter only; a kiosk shows nothing of earlier visitors.
    access: staffOnly(),
  }),
  'print.reprint': channel({
    summary: 'Prints a job again as a new job with a "COPY" marker.',
    input: z.strictObject({ jobId: PrintJobId }),
    output: PrintJobSummary,
    access: staffOnly(),
  }),
  'print.preview': channel({
    summary: 'Demo mode: the virtual printer\'s page for a job, as self-contained HTML for a sandboxed frame.',
    input: z.strictObject({ jobId: PrintJobId }),
    output: z.object({ html: z.string() }),
  }),
} as const;
