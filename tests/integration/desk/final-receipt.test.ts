import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { resourcesDir, tempDir } from '../../support/paths';
import { startPrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter } from '../../support/printing-fixtures';
import { voucherInput } from '../../support/voucher-input';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function counterWithPrinter(dataDir = tempDir('desk')) {
  const emulator = await startPrinterEmulator();
  cleanups.push(() => emulator.close());
  const core: Core = createCore({
    config: DeviceConfigSchema.parse({
      role: 'counter',
      location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle', address: 'Grote Markt 1, 8011 LW Zwolle' },
      region: 'regio-zwolle',
      printer: emulatorPrinter(emulator),
      demo: true,
    }),
    appVersion: 'test',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
  });
  cleanups.push(() => core.close());
  const call = async (channel: string, payload: unknown) => {
    const result = await core.dispatch(channel, payload, { transport: 'test', client: 'test' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.result as Record<string, unknown>;
  };
  await call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  return { emulator, core, call, dataDir };
}

describe('the final receipt at the desk', () => {
  it('prints when staff complete a request: the reference and its QR, never the BSN or the visitor’s name', async () => {
    const { emulator, call } = await counterWithPrinter();
    const input = { ...voucherInput(7), providerId: 'vechtpaard-loopbaan' };
    const started = await call('voucher.start', input);
    const reference = started.reference as string;
    await emulator.waitForReceipts(1);

    const done = await call('request.complete', { reference, identityDocument: 'passport', bsn: '111 222 333' });
    expect(done.printJobId).toEqual(expect.any(String));
    const [, receipt] = await emulator.waitForReceipts(2);
    const paper = receipt?.text ?? '';
    expect(paper).toContain('Je loopbaanvoucher is klaar');
    expect(paper).toContain(reference);
    expect(paper).toContain('Aanbieder: Vechtpaard Loopbaanstudio');
    expect(receipt?.qrCodes).toEqual([reference]);
    for (const personal of ['111222333', '111 222 333', '333', input.contact.name, ...input.contact.name.split(' '), input.contact.email]) {
      expect(paper).not.toContain(personal);
      expect(receipt?.qrCodes.join('\n')).not.toContain(personal);
    }
    expect(await call('print.job', { jobId: done.printJobId })).toMatchObject({ kind: 'final-receipt', code: reference, copy: false });
  });

  it('completes nothing when the final receipt cannot be stored: the request stays open, nothing goes to the outbox', async () => {
    const dataDir = tempDir('desk');
    const first = await counterWithPrinter(dataDir);
    const reference = (await first.call('voucher.start', voucherInput(8))).reference as string;
    await first.emulator.waitForReceipts(1);
    await first.core.close();
    const db = new Database(join(dataDir, deviceDatabaseName));
    db.exec(`CREATE TRIGGER fail_final BEFORE INSERT ON print_jobs WHEN NEW.kind = 'final-receipt' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    db.close();

    const again = createCore({
      config: DeviceConfigSchema.parse({ role: 'counter', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle', printer: emulatorPrinter(first.emulator) }),
      appVersion: 'test',
      resourcesDir,
      dataDir,
      shell: 'browser',
      logger: silentLogger,
    });
    cleanups.push(() => again.close());
    expect(await again.dispatch('staff.signIn', { username: 'anna', pin: '482915' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: true });
    const refused = await again.dispatch('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' }, { transport: 'test', client: 'test' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await again.dispatch('request.find', { reference }, { transport: 'test', client: 'test' })).toMatchObject({ ok: true, result: { status: 'started', identity: null } });
    await again.close();
    const check = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(check.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'voucher-request.complete'`).get()).toEqual({ n: 0 });
    expect(check.prepare(`SELECT count(*) AS n FROM voucher_requests WHERE bsn IS NOT NULL OR completed_at IS NOT NULL`).get()).toEqual({ n: 0 });
    check.close();
  });
});
