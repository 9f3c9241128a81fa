import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrinterDevice } from './printer-device';

/**
 * Demo mode's printer: keeps each job's raw ESC/POS bytes in the data dir (a real printer could
 * replay them: `cat job.bin > /dev/tcp/printer/9100`); the preview is drawn from the same layout.
 */
export function createVirtualPrinter(dir: string): PrinterDevice {
  mkdirSync(dir, { recursive: true });
  const ready = { state: 'ready' as const, paperLow: false, reportsPaper: true, detail: null };
  return {
    kind: 'virtual',
    check: () => Promise.resolve(ready),
    print(job, claim) {
      if (!claim()) return Promise.resolve({ printed: false, check: ready });
      writeFileSync(join(dir, `${job.id}.bin`), job.bytes);
      return Promise.resolve({ printed: true, check: ready });
    },
  };
}
