import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger';
import type { PrintingService } from '../../../electron/core/printing/printing-service';
import type { PrintDocument } from '../../../shared/printing/print-document';
import { tempDir } from '../../support/paths';
import type { DecodedReceipt } from '../../support/printer-emulator/decode-escpos';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { dutchProvider, emulatorPrinter, fastRetry, finalReceipt, kioskConfig, queueTicket, voucherReceipt, startPrinting } from '../../support/printing-fixtures';

/** The paper as one string: wrapped lines joined with spaces, the way a person reads it. */
const flat = (receipt: DecodedReceipt): string => receipt.lines.map((l) => l.text.trim()).filter(Boolean).join(' ');

const setups = [
  { model: 'epson', paperWidthMm: 58, perLine: 32 },
  { model: 'epson', paperWidthMm: 80, perLine: 48 },
  { model: 'star', paperWidthMm: 58, perLine: 32 },
  { model: 'star', paperWidthMm: 80, perLine: 48 },
] as const;

describe.each(setups)('receipts decoded from the printer emulator: $model, $paperWidthMm mm', ({ model, paperWidthMm, perLine }) => {
  let emulator: PrinterEmulator;
  let printing: PrintingService;
  const printed = new Map<string, DecodedReceipt>();

  beforeAll(async () => {
    emulator = await startPrinterEmulator({ dialect: model });
    printing = startPrinting({
      config: kioskConfig(emulatorPrinter(emulator, { model, paperWidthMm })),
      dataDir: tempDir('print'),
      logger: silentLogger,
      retry: fastRetry,
    });
    const documents: Array<[string, PrintDocument]> = [
      ['voucher-nl', voucherReceipt('nl')],
      ['voucher-en', voucherReceipt('en')],
      ['final-nl', finalReceipt('nl')],
      ['ticket-nl', queueTicket('nl')],
    ];
    for (const [name, document] of documents) {
      printing.enqueue(document);
      await printing.drain();
      const receipts = await emulator.waitForReceipts(printed.size + 1);
      printed.set(name, receipts[printed.size] as DecodedReceipt);
    }
  });

  afterAll(async () => {
    await printing.close();
    await emulator.close();
  });

  it('prints each job exactly once, each with exactly one cut and no unknown command', () => {
    expect(emulator.receipts).toHaveLength(4);
    expect(emulator.jobsReceived).toBe(4);
    for (const receipt of printed.values()) expect(receipt.cuts).toBe(1);
    expect(emulator.unknownCommands).toEqual([]);
  });

  it(`keeps every line within ${perLine} characters, counting magnified text`, () => {
    for (const receipt of printed.values()) {
      for (const line of receipt.lines) expect(line.text.length * line.width, `"${line.text}"`).toBeLessThanOrEqual(perLine);
    }
  });

  it('prints the voucher receipt with shop, Dutch date, large code, QR, trajectory, provider, next step and privacy line', () => {
    const receipt = printed.get('voucher-nl') as DecodedReceipt;
    const text = flat(receipt);
    expect(text).toContain('Loopbaanwinkel Utrecht');
    expect(text).toContain('Oudegracht 1, 3511 AB Utrecht');
    expect(text).toContain('24-11-2026 14:05');
    const code = receipt.lines.find((l) => l.text === 'K7QD-M3XA');
    expect(code).toMatchObject({ width: 3, height: 3, bold: true, align: 'center' });
    expect(receipt.qrCodes).toEqual(['K7QD-M3XA']);
    expect(text).toContain('Traject: Loopbaan-APK');
    expect(text).toContain(`Aanbieder: ${dutchProvider}`);
    expect(text).toContain('Wat gebeurt er nu?');
    expect(text).toContain('Op deze bon staan geen persoonlijke gegevens.');
    expect(text).not.toMatch(/KOPIE|COPY/);
  });

  it('round-trips ë, é, ï and € through code page 858', () => {
    const receipt = printed.get('voucher-nl') as DecodedReceipt;
    expect(flat(receipt)).toContain('Ëlla & Zoë, één euro: € (ïdeeën)');
    const nonAscii = receipt.lines.filter((l) => /[^\x20-\x7e]/.test(l.text));
    expect(nonAscii.length).toBeGreaterThan(0);
    for (const line of nonAscii) expect(line.codePage).toBe('PC858');
  });

  it('prints the receipt in the visitor\'s language', () => {
    const text = flat(printed.get('voucher-en') as DecodedReceipt);
    expect(text).toContain('Career voucher request');
    expect(text).toContain('Programme: Career check-up');
    expect(text).toContain('What happens next?');
    expect(text).toContain('24-11-2026 14:05');
    expect(text).not.toContain('Wat gebeurt er nu?');
  });

  it('prints the final receipt after completion', () => {
    const receipt = printed.get('final-nl') as DecodedReceipt;
    expect(flat(receipt)).toContain('Je loopbaanvoucher is klaar');
    expect(flat(receipt)).toContain('Maak een afspraak met je aanbieder.');
    expect(receipt.qrCodes).toEqual(['K7QD-M3XA']);
  });

  it('prints the queue ticket with a very large number, topic, time and expected wait, without a QR', () => {
    const receipt = printed.get('ticket-nl') as DecodedReceipt;
    expect(receipt.lines.find((l) => l.text === 'A017')).toMatchObject({ width: 4, height: 4, bold: true });
    const text = flat(receipt);
    expect(text).toContain('Onderwerp: Werk zoeken in de regio');
    expect(text).toContain('Tijd: 24-11-2026 10:30');
    expect(text).toContain('Wachttijd: ongeveer 12 minuten');
    expect(receipt.qrCodes).toEqual([]);
  });
});

describe('the QR code with a public status URL', () => {
  it('holds the status URL for the reference code and nothing else', async () => {
    const emulator = await startPrinterEmulator();
    const printing = startPrinting({
      config: kioskConfig(emulatorPrinter(emulator, { statusUrl: 'https://www.loopbaanwinkel.example/status/{code}' })),
      dataDir: tempDir('print'),
      logger: silentLogger,
    });
    try {
      const job = printing.enqueue(voucherReceipt('nl', 'KAT3-WQ9X'));
      await printing.drain();
      const [receipt] = await emulator.waitForReceipts(1);
      expect(receipt?.qrCodes).toEqual(['https://www.loopbaanwinkel.example/status/KAT3-WQ9X']);
      expect(flat(receipt as DecodedReceipt)).toContain('Scan de QR-code.');
      expect(printing.job(job.id)).toMatchObject({ state: 'printed', code: 'KAT3-WQ9X', qrPayload: 'https://www.loopbaanwinkel.example/status/KAT3-WQ9X' });
    } finally {
      await printing.close();
      await emulator.close();
    }
  });
});
