import { z } from 'zod';

/**
 * ready        answers and can print
 * offline      no TCP connection, or it does not answer in time
 * paper-out    the roll is empty (DLE EOT 4 / 2)
 * cover-open   the cover is open (DLE EOT 2)
 * error        the printer reports a mechanical or cutter error
 * none         this device has no printer
 */
export const PrinterState = z.enum(['ready', 'offline', 'paper-out', 'cover-open', 'error', 'none']);
export type PrinterState = z.infer<typeof PrinterState>;

export const PrinterStatusSchema = z.object({
  kind: z.enum(['tcp', 'virtual', 'none']),
  state: PrinterState,
  /** The roll is nearly empty: still printing, but staff should change it soon. */
  paperLow: z.boolean(),
  /** False where the printer cannot tell (Star Line mode): then "ready" only means "reachable". */
  reportsPaper: z.boolean(),
  checkedAt: z.iso.datetime(),
  pendingJobs: z.number().int().min(0),
  failedJobs: z.number().int().min(0),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;
