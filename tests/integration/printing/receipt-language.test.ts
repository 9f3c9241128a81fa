import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { languages, receiptLanguage, type LanguageCode } from '../../../shared/contract/languages';
import { toCp858Text } from '../../../shared/printing/code-page-858';
import { resourcesDir, tempDir } from '../../support/paths';
import type { DecodedReceipt } from '../../support/printer-emulator/decode-escpos';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter } from '../../support/printing-fixtures';

/**
 * The printer's code page (PC858) has no Arabic or Cyrillic letters and none of Turkish ğ ş ı or
 * Polish ł ą ę: those visitors get an English ticket, topic name included, rather than a slip full
 * of question marks. Real core with the sample pack (whose topics are in all six languages), real
 * ESC/POS bytes decoded by the printer emulator.
 */
describe('the language on the paper', () => {
  let emulator: PrinterEmulator;
  let core: Core;
  const printed = new Map<LanguageCode, DecodedReceipt>();

  beforeAll(async () => {
    emulator = await startPrinterEmulator();
    const config = DeviceConfigSchema.parse({
      role: 'kiosk',
      demo: true,
      location: { id: 'utrecht-centrum', name: 'Loopbaanwinkel Utrecht', address: 'Oudegracht 1, 3511 AB Utrecht' },
      region: 'midden-utrecht',
      printer: emulatorPrinter(emulator),
    });
    core = createCore({ config, appVersion: 'test', resourcesDir, dataDir: tempDir('receipt-language'), shell: 'browser', logger: silentLogger });
    for (const { code } of languages) {
      const result = await core.dispatch('ticket.take', { topic: 'money', language: code }, { transport: 'test', client: 'test' });
      if (!result.ok) throw new Error(result.error.message);
      const receipts = await emulator.waitForReceipts(printed.size + 1);
      printed.set(code, receipts[printed.size] as DecodedReceipt);
    }
  });

  afterAll(async () => {
    await core.close();
    await emulator.close();
  });

  it('prints Dutch for Dutch, English for everyone else, with the topic as its button names it in that language', () => {
    expect(Object.fromEntries(languages.map(({ code }) => [code, receiptLanguage(code)]))).toEqual({ nl: 'nl', en: 'en', ar: 'en', tr: 'en', pl: 'en', uk: 'en' });
    expect(printed.get('nl')?.text).toContain('Je nummer');
    expect(printed.get('nl')?.text).toContain('Onderwerp: Geld en regelingen');
    for (const code of ['en', 'ar', 'tr', 'pl', 'uk'] as const) {
      const text = printed.get(code)?.text ?? '';
      expect(text, code).toContain('Your number');
      expect(text, code).toContain('Topic: Money and schemes');
    }
  });

  it('never prints a letter the code page lacks as a question mark', () => {
    for (const [code, receipt] of printed) expect(receipt.text, code).not.toContain('?');
    // The guard: what the fallback prevents. These names are in the pack, and would print as '?'.
    expect(toCp858Text('Гроші та програми підтримки')).toMatch(/^[? ]+$/);
    expect(toCp858Text('Para ve destekler ğş')).toContain('?');
  });
});
