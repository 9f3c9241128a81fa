import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger';
import { createPrintingService } from '../../../electron/core/printing/printing-service';
import { repoRoot, tempDir } from '../../support/paths';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, fastRetry, kioskConfig } from '../../support/printing-fixtures';

const childScript = join(repoRoot, 'tests', 'support', 'printing-crash-child.ts');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts the kiosk child and resolves with its job id once its stdout shows `until`. */
function startKiosk(dataDir: string, port: number, code: string, until: RegExp): Promise<{ child: ChildProcess; jobId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, String(port), code], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(async () => void child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk child did not get there:\n${out}\n${err}`)), 20_000);
    child.once('exit', (status) => reject(new Error(`kiosk child exited with ${status}:\n${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const stored = /stored ([0-9a-f-]{36})/.exec(out);
      if (!stored?.[1] || !until.test(out)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, jobId: stored[1] });
    });
  });
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function restart(dataDir: string, emulator: PrinterEmulator) {
  const printing = createPrintingService({ config: kioskConfig(emulatorPrinter(emulator)), dataDir, logger: silentLogger, retry: fastRetry });
  await printing.drain();
  return printing;
}

describe('a kiosk killed between "job stored" and "sent"', () => {
  it('prints the job exactly once after a restart, and not again after the next one', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    await emulator.setMode('refuse');
    const dataDir = tempDir('crash');
    const { child, jobId } = await startKiosk(dataDir, emulator.port, 'LBW-CRASH1', /state pending/);
    await killed(child);
    expect(emulator.jobsReceived).toBe(0);

    await emulator.setMode('online');
    const first = await restart(dataDir, emulator);
    const [receipt] = await emulator.waitForReceipts(1);
    expect(receipt?.qrCodes).toEqual(['LBW-CRASH1']);
    expect(first.job(jobId).state).toBe('printed');
    await first.close();

    const second = await restart(dataDir, emulator);
    await new Promise((r) => setTimeout(r, 300));
    await second.close();
    expect(emulator.receipts).toHaveLength(1);
    expect(emulator.jobsReceived).toBe(1);
  });

  it('does not send a job again that was cut off mid-send: it is marked uncertain for staff', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    await emulator.setMode('stall');
    const dataDir = tempDir('crash');
    const { child, jobId } = await startKiosk(dataDir, emulator.port, 'LBW-CRASH2', /state sending/);
    await killed(child);

    await emulator.setMode('online');
    const printing = await restart(dataDir, emulator);
    cleanups.push(() => printing.close());
    await new Promise((r) => setTimeout(r, 300));
    expect(printing.job(jobId)).toMatchObject({ state: 'uncertain', copy: false });
    expect(emulator.receipts).toHaveLength(0);
    expect((await printing.status()).failedJobs).toBe(1);

    const copy = printing.reprint(jobId);
    await printing.drain();
    const [receipt] = await emulator.waitForReceipts(1);
    expect(receipt?.text).toContain('*** KOPIE ***');
    expect(printing.job(copy.id).state).toBe('printed');
  });
});
