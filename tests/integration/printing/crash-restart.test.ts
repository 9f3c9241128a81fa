import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { repoRoot, resourcesDir, tempDir } from '../../support/paths';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, kioskConfig } from '../../support/printing-fixtures';
import { until } from '../../support/until';

const childScript = join(repoRoot, 'tests', 'support', 'printing-crash-child.ts');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts the kiosk child and resolves with its job id and reference once its stdout shows `until`. */
function startKiosk(dataDir: string, port: number, until: RegExp): Promise<{ child: ChildProcess; jobId: string; reference: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, String(port)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(async () => void child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk child did not get there:\n${out}\n${err}`)), 20_000);
    child.once('exit', (status) => reject(new Error(`kiosk child exited with ${status}:\n${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const stored = /stored ([0-9a-f-]{36}) ([A-Z0-9-]{9})/.exec(out);
      if (!stored?.[1] || !stored[2] || !until.test(out)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, jobId: stored[1], reference: stored[2] });
    });
  });
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** The kiosk started again on the same data dir, now with the printer on. */
async function restart(dataDir: string, emulator: PrinterEmulator) {
  const core = createCore({ config: kioskConfig(emulatorPrinter(emulator)), appVersion: 'test', resourcesDir, dataDir, shell: 'browser', logger: silentLogger });
  const call = async (channel: string, payload: unknown) => {
    const result = await core.dispatch(channel, payload, { transport: 'test', client: 'test' });
    if (!result.ok) throw new Error(result.error.message);
    return result.result as Record<string, unknown>;
  };
  return { core, call, close: () => core.close() };
}

describe('a kiosk killed between "job stored" and "sent"', () => {
  it('prints the job exactly once after a restart, and not again after the next one', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    await emulator.setMode('refuse');
    const dataDir = tempDir('crash');
    const { child, jobId, reference } = await startKiosk(dataDir, emulator.port, /state pending/);
    await killed(child);
    expect(emulator.jobsReceived).toBe(0);

    await emulator.setMode('online');
    const first = await restart(dataDir, emulator);
    const [receipt] = await emulator.waitForReceipts(1);
    expect(receipt?.qrCodes).toEqual([reference]);
    await until(async () => (await first.call('print.job', { jobId })).state === 'printed', 5000);
    await first.close();

    const second = await restart(dataDir, emulator);
    // Evidence that the restarted spooler went through its jobs: a later ticket prints. A second copy
    // of the voucher receipt would have gone out before it.
    await second.call('ticket.take', { topic: 'werk-zoeken' });
    const receipts = await emulator.waitForReceipts(2);
    expect(await second.call('print.job', { jobId })).toMatchObject({ state: 'printed', attempts: expect.any(Number) });
    await second.close();
    expect(receipts.filter((r) => r.qrCodes.includes(reference))).toHaveLength(1);
    expect(emulator.jobsReceived).toBe(2);
  });

  it('does not send a job again that was cut off mid-send: it is marked uncertain for staff', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    await emulator.setMode('stall');
    const dataDir = tempDir('crash');
    const { child, jobId, reference } = await startKiosk(dataDir, emulator.port, /state sending/);
    await killed(child);

    await emulator.setMode('online');
    const kiosk = await restart(dataDir, emulator);
    cleanups.push(() => kiosk.close());
    expect(await kiosk.call('print.job', { jobId })).toMatchObject({ state: 'uncertain', copy: false, code: reference });
    expect(await kiosk.call('printer.status', {})).toMatchObject({ state: 'ready', failedJobs: 1 });

    // The copy staff ask for is the first thing printed: the uncertain original, had it been sent
    // again, would have gone out before it. A kiosk has no reprint channel (print.reprint is the
    // signed-in counter's); its printing service still makes the copy.
    const copy = await kiosk.core.handlers['print.reprint']({ jobId }, { transport: 'test', client: 'test' });
    const [receipt] = await emulator.waitForReceipts(1);
    expect(receipt?.text).toContain('*** KOPIE ***');
    expect(receipt?.qrCodes).toEqual([reference]);
    await until(async () => (await kiosk.call('print.job', { jobId: copy.id })).state === 'printed', 5000);
    expect(emulator.receipts).toHaveLength(1);
  });
});
