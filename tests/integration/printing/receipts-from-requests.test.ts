import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { silentLogger } from '../../../electron/core/log/logger';
import { contactContext } from '../../../electron/core/requests/voucher-requests';
import { deviceDatabaseName, openDeviceStore } from '../../../electron/core/store/open-device-store';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { resourcesDir, tempDir } from '../../support/paths';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, kioskConfig } from '../../support/printing-fixtures';
import { voucherInput } from '../../support/voucher-input';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kiosk(config: (emulator: PrinterEmulator) => DeviceConfig, dataDir = tempDir('kiosk')) {
  const emulator = await startPrinterEmulator();
  cleanups.push(() => emulator.close());
  const core: Core = createCore({ config: config(emulator), appVersion: 'test', resourcesDir, dataDir, shell: 'browser', logger: silentLogger });
  cleanups.push(() => core.close());
  const call = async (channel: string, payload: unknown) => {
    const result = await core.dispatch(channel, payload, { transport: 'test', client: 'test' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.result as Record<string, unknown>;
  };
  return { emulator, core, call, dataDir };
}

describe('receipts for what the visitor does at the kiosk', () => {
  it('prints the voucher receipt stored with voucher.start; its QR holds the status URL and no personal data of the stored request', async () => {
    const statusUrl = 'https://www.loopbaanwinkel.example/status/{code}';
    // demo: the sample content pack is installed, so the provider's name comes from it
    const { emulator, call, core, dataDir } = await kiosk((e) => ({ ...kioskConfig(emulatorPrinter(e, { statusUrl })), demo: true }));
    const started = await call('voucher.start', { ...voucherInput(4), providerId: 'domtorenvalk' });
    expect(started.printJobId).toEqual(expect.any(String));
    const [receipt] = await emulator.waitForReceipts(1);
    const reference = started.reference as string;
    expect(receipt?.qrCodes).toEqual([`https://www.loopbaanwinkel.example/status/${reference}`]);
    expect(receipt?.text).toContain(reference);
    expect(receipt?.text).toContain('Aanbieder: Domtorenvalk Loopbaanadvies');
    await core.close();

    // The stored request, opened with the device's own key: the contact details the visitor gave.
    const store = openDeviceStore(dataDir, createFileKeyProvider(join(dataDir, 'field-key')));
    const row = store.db.prepare('SELECT id, contact FROM voucher_requests WHERE reference = ?').get(reference) as { id: string; contact: string };
    const contact = JSON.parse(store.cipher.open(row.contact, contactContext(row.id))) as { name: string; email: string; phone: string };
    const job = store.db.prepare('SELECT document FROM print_jobs WHERE id = ?').get(started.printJobId) as { document: string };
    store.close();
    expect(contact.name).toBe(voucherInput(4).contact.name);
    const qr = receipt?.qrCodes.join('\n') ?? '';
    const paper = receipt?.text ?? '';
    for (const personal of [contact.name, ...contact.name.split(' '), contact.email, contact.phone, contact.phone.replace(/\s/g, '')]) {
      expect(qr).not.toContain(personal);
      expect(paper).not.toContain(personal);
      expect(job.document).not.toContain(personal);
    }
    expect(qr).not.toMatch(/\d{9}/); // nothing shaped like a BSN
  });

  it('prints the queue ticket stored with ticket.take, in the language the visitor chose', async () => {
    const { emulator, call } = await kiosk((e) => ({ ...kioskConfig(emulatorPrinter(e)), demo: true }));
    const ticket = await call('ticket.take', { topic: 'work', language: 'en' });
    const unnamed = await call('ticket.take', { topic: 'learning' });
    const [receipt, second] = await emulator.waitForReceipts(2);
    expect(receipt?.lines.find((l) => l.text === ticket.number)).toMatchObject({ width: 4, height: 4 });
    expect(receipt?.text).toContain('Your number');
    expect(receipt?.text).toContain('Topic: Work and career');
    // without a language: the button's words in the device's default language
    expect(second?.text).toContain('Onderwerp: Opleiding of cursus');
    expect(second?.lines.find((l) => l.text === unnamed.number)).toBeDefined();
    // The demo kiosk's simulated desk gives a waiting time, as a linked desk would.
    expect(receipt?.text).toMatch(/Waiting time: about \d+ minutes/);
    expect(await call('print.job', { jobId: ticket.printJobId })).toMatchObject({ kind: 'queue-ticket', code: ticket.number, qrPayload: null });
  });

  it('stores neither the request nor its receipt when the print job cannot be written', async () => {
    const dataDir = tempDir('kiosk');
    const first = await kiosk((e) => ({ ...kioskConfig(emulatorPrinter(e)), demo: true }), dataDir);
    await first.core.close();
    const db = new Database(join(dataDir, deviceDatabaseName));
    db.exec(`CREATE TRIGGER fail_print_jobs BEFORE INSERT ON print_jobs BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    db.close();

    const again = await kiosk((e) => ({ ...kioskConfig(emulatorPrinter(e)), demo: true }), dataDir);
    expect(await again.core.dispatch('voucher.start', voucherInput(1), { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await again.core.dispatch('ticket.take', { topic: 'werk-zoeken' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false });
    await again.core.close();
    const check = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(
      check.prepare('SELECT (SELECT count(*) FROM voucher_requests) + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM print_jobs) AS n').get(),
    ).toEqual({ n: 0 });
    check.close();
    expect(again.emulator.jobsReceived).toBe(0);
  });

  it('on a device without a printer, stores the job as failed so the kiosk shows the code on screen', async () => {
    const { call } = await kiosk(() => ({ ...kioskConfig({ type: 'none' }), demo: true }));
    const started = await call('voucher.start', voucherInput(2));
    expect(await call('print.job', { jobId: started.printJobId })).toMatchObject({ state: 'failed', code: started.reference, qrPayload: started.reference });
    expect(await call('printer.status', {})).toMatchObject({ kind: 'none', state: 'none', failedJobs: 1 });
  });
});
