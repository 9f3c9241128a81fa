// A kiosk process for the crash test: stores one receipt job, says so, and keeps trying to print
// it until the test kills it with SIGKILL. Arguments: data dir, printer port, reference code.
import { silentLogger } from '../../electron/core/log/logger';
import { createPrintingService } from '../../electron/core/printing/printing-service';
import { fastRetry, kioskConfig, voucherReceipt } from './printing-fixtures';

const [dataDir, port, code] = process.argv.slice(2);
if (!dataDir || !port || !code) throw new Error('usage: printing-crash-child <dataDir> <port> <code>');
const printing = createPrintingService({
  config: kioskConfig({ type: 'tcp', host: '127.0.0.1', port: Number(port), connectTimeoutMs: 5000 }),
  dataDir,
  logger: silentLogger,
  retry: fastRetry,
});
const job = printing.enqueue(voucherReceipt('nl', code));
process.stdout.write(`stored ${job.id}\n`);
setInterval(() => {
  const state = printing.job(job.id).state;
  process.stdout.write(`state ${state}\n`);
}, 25);
