import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { systemClock } from '../../../electron/core/clock/clock';
import { silentLogger } from '../../../electron/core/log/logger';
import type { PrintingService } from '../../../electron/core/printing/printing-service';
import { createPrintSpooler } from '../../../electron/core/printing/print-spooler';
import { createSqlitePrintJobStore } from '../../../electron/core/printing/print-job-store';
import { createTcpPrinter } from '../../../electron/core/printing/tcp-printer';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { openStore } from '../../../electron/core/store/open-store';
import { join } from 'node:path';
import { startHost } from '../../../electron/host/start-host';
import { rendererDist, resourcesDir, tempDir } from '../../support/paths';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { realElapsedMs } from '../../support/real-elapsed';
import { emulatorPrinter, fastRetry, kioskConfig, queueTicket, voucherReceipt, startPrinting } from '../../support/printing-fixtures';
import { until } from '../../support/until';
import { openClient } from '../../support/host-client';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(extra: Record<string, unknown> = {}, statusMaxAgeMs?: number): Promise<{ emulator: PrinterEmulator; printing: PrintingService }> {
  const emulator = await startPrinterEmulator();
  const printing = startPrinting({ config: kioskConfig(emulatorPrinter(emulator, extra)), dataDir: tempDir('print'), logger: silentLogger, retry: fastRetry, statusMaxAgeMs });
  cleanups.push(() => emulator.close(), () => printing.close());
  return { emulator, printing };
}

describe('printer off, hung, out of paper', () => {
  it('keeps retrying while the printer is off and prints the job once when it comes back', async () => {
    const { emulator, printing } = await setup();
    await emulator.setMode('refuse');
    const job = printing.enqueue(voucherReceipt());
    await until(() => printing.job(job.id).attempts >= 3, 5000);
    expect(printing.job(job.id)).toMatchObject({ state: 'pending', lastError: expect.stringMatching(/refused/) });
    expect((await printing.status()).state).toBe('offline');

    await emulator.setMode('online');
    await emulator.waitForReceipts(1);
    await until(() => printing.job(job.id).state === 'printed', 5000);
    // Evidence that the spooler went on: a later job prints, and the first is not among what follows.
    printing.enqueue(voucherReceipt('nl', 'CCCC-DDDD'));
    const receipts = await emulator.waitForReceipts(2);
    expect(receipts.map((r) => r.qrCodes)).toEqual([['K7QD-M3XA'], ['CCCC-DDDD']]);
  });

  it('prints waiting jobs in the order they were stored once the printer is back; a newer job never overtakes', async () => {
    const { emulator, printing } = await setup();
    await emulator.setMode('refuse');
    const first = printing.enqueue(voucherReceipt('nl', 'FRAC-AAAA'));
    const second = printing.enqueue(voucherReceipt('nl', 'CCCC-DDDD'));
    await until(() => printing.job(first.id).attempts >= 3, 5000);
    expect(printing.job(second.id)).toMatchObject({ state: 'pending', attempts: 0 });
    await emulator.setMode('online');
    const receipts = await emulator.waitForReceipts(2);
    expect(receipts.map((r) => r.qrCodes[0])).toEqual(['FRAC-AAAA', 'CCCC-DDDD']);
  });

  it('does not open a second connection for a status check while a job is going out', async () => {
    // A patient printer connection, and no status cache: every status() outside a job checks the printer.
    const { emulator, printing } = await setup({ connectTimeoutMs: 2500 }, 0);
    expect((await printing.status()).state).toBe('ready');
    // Jammed mid-job: the print connection stays open, as a long receipt's would.
    await emulator.setMode('stall');
    const job = printing.enqueue(voucherReceipt());
    await until(() => printing.job(job.id).state === 'sending', 5000);
    const opened = emulator.connectionsOpened;
    // A printer that serves one connection at a time would refuse a check now and look "offline".
    expect(await printing.status()).toMatchObject({ state: 'ready' });
    expect(emulator.connectionsOpened).toBe(opened);
  });

  it('reports a hung printer as offline within the timeout and sends it nothing', async () => {
    const { emulator, printing } = await setup();
    await emulator.setMode('hang');
    const check = await realElapsedMs(() => printing.status());
    expect(check.result).toMatchObject({ kind: 'tcp', state: 'offline' });
    expect(check.ms).toBeLessThan(2000);
    const job = printing.enqueue(queueTicket());
    await until(() => printing.job(job.id).attempts >= 1, 5000);
    expect(printing.job(job.id).state).toBe('pending');
    expect(emulator.jobsReceived).toBe(0);
  });

  it('reads paper-out and cover-open from DLE EOT, holds the job, and prints it when paper is back', async () => {
    const { emulator, printing } = await setup({}, 0);
    emulator.setPaper('out');
    const job = printing.enqueue(voucherReceipt());
    await until(() => printing.job(job.id).attempts >= 1, 5000);
    expect(printing.job(job.id)).toMatchObject({ state: 'pending', lastError: 'paper roll empty' });
    expect(await printing.status()).toMatchObject({ state: 'paper-out', paperLow: true, reportsPaper: true, pendingJobs: 1 });

    emulator.setPaper('ok');
    emulator.setCoverOpen(true);
    await until(() => printing.job(job.id).lastError === 'cover open', 5000);
    emulator.setCoverOpen(false);
    await emulator.waitForReceipts(1);
    await until(() => printing.job(job.id).state === 'printed', 5000);
  });

  it('gives up after the configured time and leaves the job for staff to reprint', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    await emulator.setMode('refuse');
    const store = openStore(join(tempDir('print'), deviceDatabaseName));
    cleanups.push(async () => store.close());
    const jobs = createSqlitePrintJobStore(store.db);
    const spooler = createPrintSpooler({
      jobs,
      device: createTcpPrinter({ host: emulator.host, port: emulator.port, model: 'epson', timeoutMs: 300 }),
      render: (job) => ({ id: job.id, layout: { charactersPerLine: 32, blocks: [] }, bytes: Buffer.from('x\n') }),
      giveUpAfterMs: 400,
      ...fastRetry,
      logger: silentLogger,
      clock: systemClock,
    });
    cleanups.push(() => spooler.close());
    const job = jobs.add(queueTicket(), systemClock.now());
    spooler.kick();
    await until(() => jobs.get(job.id)?.state === 'failed', 5000);
    expect(jobs.get(job.id)?.lastError).toMatch(/^gave up after 0 s: connection refused/);
    await emulator.setMode('online');
    // Evidence that the spooler runs again: a new job goes out, the given-up one stays where it is.
    const later = jobs.add(queueTicket(), systemClock.now());
    spooler.kick();
    await until(() => jobs.get(later.id)?.state === 'printed', 5000);
    expect(emulator.jobsReceived).toBe(1);
    expect(jobs.get(job.id)?.state).toBe('failed');
  });
});

describe('a job that cannot be laid out', () => {
  it('fails on its own and does not hold up the jobs behind it', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    const store = openStore(join(tempDir('print'), deviceDatabaseName));
    cleanups.push(async () => store.close());
    const jobs = createSqlitePrintJobStore(store.db);
    const broken = jobs.add(queueTicket(), systemClock.now());
    const fine = jobs.add(voucherReceipt(), systemClock.now());
    const spooler = createPrintSpooler({
      jobs,
      device: createTcpPrinter({ host: emulator.host, port: emulator.port, model: 'epson', timeoutMs: 300 }),
      render: (job) => {
        if (job.id === broken.id) throw new Error('receipt template uses {x}, which has no value');
        return { id: job.id, layout: { charactersPerLine: 32, blocks: [] }, bytes: Buffer.from('fine\n\x1dV\x00', 'latin1') };
      },
      giveUpAfterMs: 10_000,
      ...fastRetry,
      logger: silentLogger,
      clock: systemClock,
    });
    cleanups.push(() => spooler.close());
    const [receipt] = await emulator.waitForReceipts(1);
    expect(receipt?.text).toBe('fine');
    await until(() => jobs.get(fine.id)?.state === 'printed', 5000);
    expect(jobs.get(broken.id)).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^could not be laid out/) });
  });
});

describe('reprint', () => {
  it('prints a new job marked KOPIE / COPY; the original prints without it', async () => {
    const { emulator, printing } = await setup();
    const original = printing.enqueue(voucherReceipt('nl'));
    const english = printing.enqueue(queueTicket('en'));
    await emulator.waitForReceipts(2);
    const copy = printing.reprint(original.id);
    expect(printing.reprint(english.id)).toMatchObject({ copy: true, code: 'A017', qrPayload: null });
    const receipts = await emulator.waitForReceipts(4);
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ copy: true, code: 'K7QD-M3XA' });
    expect(receipts[0]?.text).not.toContain('KOPIE');
    expect(receipts[2]?.lines.find((l) => l.text === '*** KOPIE ***')).toMatchObject({ width: 2, bold: true });
    expect(receipts[2]?.qrCodes).toEqual(['K7QD-M3XA']);
    expect(receipts[3]?.text).toContain('*** COPY ***');
    expect(printing.job(original.id)).toMatchObject({ state: 'printed', copy: false });
  });
});

describe('printer status through the bridge', () => {
  it('reaches the browser over the real HTTP transport when the paper runs out, and clears when it is back', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    const host = await startHost({ config: kioskConfig(emulatorPrinter(emulator)), appVersion: 'test', resourcesDir, dataDir: tempDir('host'), staticDir: rendererDist, port: 0, logger: silentLogger });
    cleanups.push(() => host.close());
    const client = await openClient(host.openUrl());
    const status = async () => {
      const response = await client.post('/api/printer.status', {});
      return ((await response.json()) as { result: { state: string } }).result.state;
    };
    emulator.setPaper('out');
    expect(await status()).toBe('paper-out');
    emulator.setPaper('ok');
    await until(async () => (await status()) === 'ready', 5000, 'ready once the status cache has expired');
  });

  it('reaches the UI as "paper-out" through printer.status; an unknown job id is not_found', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    emulator.setPaper('out');
    const core = createCore({
      config: kioskConfig(emulatorPrinter(emulator)),
      appVersion: 'test',
      resourcesDir,
      dataDir: tempDir('core'),
      shell: 'browser',
      logger: silentLogger,
    });
    cleanups.push(() => core.close());
    expect(await core.dispatch('printer.status', {}, { transport: 'test', client: 'test' })).toMatchObject({
      ok: true,
      result: { kind: 'tcp', state: 'paper-out', paperLow: true },
    });
    expect(await core.dispatch('print.job', { jobId: '01900000-0000-7000-8000-000000000000' }, { transport: 'test', client: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
