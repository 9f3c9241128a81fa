// A kiosk process for the crash test: starts one voucher request through the real core (the
// request and its receipt job commit together), says so, and keeps trying to print until the
// test kills it with SIGKILL. Arguments: data dir, printer port.
import { createCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { resourcesDir } from './paths';
import { kioskConfig } from './printing-fixtures';
import { voucherInput } from './voucher-input';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: printing-crash-child <dataDir> <port>');
const core = createCore({
  // demo: the sample pack's rules decide the request
  config: { ...kioskConfig({ type: 'tcp', host: '127.0.0.1', port: Number(port), connectTimeoutMs: 5000 }), demo: true },
  appVersion: 'crash-test',
  resourcesDir,
  dataDir,
  shell: 'browser',
  logger: silentLogger,
});
const started = await core.dispatch('voucher.start', voucherInput(7), { transport: 'test', client: 'test' });
if (!started.ok) throw new Error(started.error.message);
const { reference, printJobId } = started.result as { reference: string; printJobId: string };
process.stdout.write(`stored ${printJobId} ${reference}\n`);
setInterval(() => {
  void core.dispatch('print.job', { jobId: printJobId }, { transport: 'test', client: 'test' }).then((r) => {
    if (r.ok) process.stdout.write(`state ${(r.result as { state: string }).state}\n`);
  });
}, 25);
