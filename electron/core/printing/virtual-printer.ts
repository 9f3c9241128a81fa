import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrinterDevice } from './printer-device';

/** Where the virtual printer puts a job's bytes: flat in the data dir, next to the database. */
export const virtualPrintFile = (dataDir: string, jobId: string): string => join(dataDir, `printed-${jobId}.escpos`);

/**
 * Demo mode's printer: keeps each job's raw ESC/POS bytes in the data dir (a real printer could
 * replay them: `cat printed-….escpos > /dev/tcp/printer/9100`); the preview is drawn from the same layout.
 */
export function createVirtualPrinter(dataDir: string): PrinterDevice {
  const ready = { state: 'ready' as const, paperLow: false, reportsPaper: true, detail: null };
  return {
    kind: 'virtual',
    check: () => Promise.resolve(ready),
    print(job, claim) {
      if (!claim()) return Promise.resolve({ printed: false, check: ready });
      writeFileSync(virtualPrintFile(dataDir, job.id), job.bytes);
      return Promise.resolve({ printed: true, check: ready });
    },
  };
}
