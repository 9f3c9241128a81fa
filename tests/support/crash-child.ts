// A device process for the crash test: `enqueue` starts voucher requests as fast as it can while
// syncing, printing each reference only after voucher.start answered (so after the commit);
// `drain` only syncs until the queue is empty. Bundled by the test; arguments: MODE DATA_DIR SIM_URL CODE
import { createCore } from '../../electron/core/app-core';
import { demoDeviceConfig } from '../../electron/core/config/demo-config';
import { silentLogger } from '../../electron/core/log/logger';
import { SyncStatus } from '../../shared/contract/sync-channels';
import { resourcesDir } from './paths';
import { fastSync } from './sync-rig';
import { until } from './until';
import { voucherInput } from './voucher-input';

const [mode, dataDir, simUrl, code] = process.argv.slice(2);
if (!mode || !dataDir || !simUrl || !code) throw new Error('usage: crash-child.ts enqueue|drain DATA_DIR SIM_URL CODE');

const core = createCore({
  // The sample pack's rules decide each request, as on a demo device.
  config: { ...demoDeviceConfig, centralApiUrl: simUrl },
  appVersion: 'crash-test',
  resourcesDir,
  dataDir,
  shell: 'browser',
  logger: silentLogger,
  enrollmentCode: async () => code,
  syncTuning: { ...fastSync, requestTimeoutMs: 500 },
});

if (mode === 'enqueue') {
  for (let n = 0; ; n++) {
    const result = await core.dispatch('voucher.start', voucherInput(n), { transport: 'test', client: 'test' });
    if (result.ok) process.stdout.write(`committed ${(result.result as { reference: string }).reference}\n`);
    // One turn of the event loop, so the sync worker's I/O runs between commits.
    await new Promise((r) => setImmediate(r));
  }
} else {
  await until(async () => {
    const result = await core.dispatch('sync.status', {}, { transport: 'test', client: 'test' });
    if (!result.ok) throw new Error(result.error.message);
    const status = SyncStatus.parse(result.result);
    return status.queued + status.inFlight === 0;
  }, 25_000, 'the outbox drained after the crash');
  await core.close();
  process.stdout.write('drained\n');
}
