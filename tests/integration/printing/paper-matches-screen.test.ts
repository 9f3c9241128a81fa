import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packDisplayNames } from '../../../electron/core/printing/pack-display-names';
import type { PrintingService } from '../../../electron/core/printing/printing-service';
import { languages, type LanguageCode } from '../../../shared/contract/languages';
import { Trajectory } from '../../../shared/domain/trajectory';
import { toCp858Text } from '../../../shared/printing/code-page-858';
import en from '../../../renderer/src/i18n/locales/en.json';
import nl from '../../../renderer/src/i18n/locales/nl.json';
import { tempDir } from '../../support/paths';
import type { DecodedReceipt } from '../../support/printer-emulator/decode-escpos';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, fastRetry, kioskConfig, startPrinting } from '../../support/printing-fixtures';
import { samplePack } from '../../support/voucher-input';

/**
 * The screen's words, read straight from the catalogue files the renderer bundles (not through the
 * core's reader, so a reader that looked elsewhere would fail here). The paper carries Latin script
 * only: an Arabic visitor's paper is English, so it must match the English screen.
 */
const screen = { nl, en } as const;
/** Every topic the ticket screen offers a button for (TicketFlow.tsx names each by ticket.topics.<id>). */
const ticketTopics = Object.keys(nl.ticket.topics).map((id) => ({ id }));
const paperLanguage = (language: LanguageCode): 'nl' | 'en' => (language === 'nl' ? 'nl' : 'en');
const flat = (receipt: DecodedReceipt): string => receipt.lines.map((l) => l.text.trim()).filter(Boolean).join(' ');
/** The screen's sentence as the paper can carry it (code page 858), for comparing with the decoded bytes. */
const printable = (text: string): string => toCp858Text(text).replace(/\s+/g, ' ');

describe('the paper says what the screen says, in every language', () => {
  let emulator: PrinterEmulator;
  let printing: PrintingService;
  const printed: DecodedReceipt[] = [];
  const at = '2026-11-24T09:30:00.000Z';

  async function print(store: () => void): Promise<DecodedReceipt> {
    store();
    printing.receipts.committed();
    await printing.drain();
    const receipts = await emulator.waitForReceipts(printed.length + 1);
    const receipt = receipts[printed.length] as DecodedReceipt;
    printed.push(receipt);
    return receipt;
  }

  beforeAll(async () => {
    emulator = await startPrinterEmulator();
    // The sample pack's own topic names are in play, as on a real kiosk: they must not win over the button's words.
    printing = startPrinting({ config: kioskConfig(emulatorPrinter(emulator)), dataDir: tempDir('paper-screen'), retry: fastRetry, names: packDisplayNames(samplePack) });
  });
  afterAll(async () => {
    await printing?.close();
    await emulator?.close();
  });

  for (const { code: language } of languages) {
    const words = screen[paperLanguage(language)];
    for (const { id } of ticketTopics) {
      it(`${language}: the ticket for "${id}" names the topic as its button does`, async () => {
        const receipt = await print(() => printing.receipts.ticketTaken({ number: 'A017', topic: id, expectedWaitMinutes: 12, language, createdAt: at }));
        const topic = words.ticket.topics[id as keyof typeof words.ticket.topics];
        expect(flat(receipt)).toContain(printable(words.ticket.number.topic.replace('{{topic}}', topic)));
        expect(flat(receipt)).toContain(printable(words.ticket.number.next));
      });
    }

    for (const trajectory of Trajectory.options) {
      it(`${language}: the voucher receipt for ${trajectory} gives the screen's next step and programme name`, async () => {
        const receipt = await print(() => printing.receipts.voucherStarted({ reference: 'K7QD-M3XA', trajectory, providerId: null, language, createdAt: at }));
        const text = flat(receipt);
        expect(text).toContain(printable(words.voucher.done.step2));
        expect(text).toContain(printable(words.trajectory[trajectory].name));
        expect(text).toContain(printable(words.print.paper.voucherTitle));
      });
    }

    it(`${language}: the final receipt uses the catalogue's words`, async () => {
      const receipt = await print(() => printing.receipts.voucherCompleted({ reference: 'K7QD-M3XA', trajectory: 'loopbaan-apk', providerId: null, language, completedAt: at }));
      const text = flat(receipt);
      expect(text).toContain(printable(words.print.paper.finalTitle));
      expect(text).toContain(printable(words.print.paper.finalNext));
      expect(text).toContain(printable(words.trajectory['loopbaan-apk'].name));
    });
  }

  it('printed every one of those papers, with no unknown printer command', () => {
    expect(emulator.unknownCommands).toEqual([]);
    expect(printed.length).toBe(languages.length * (ticketTopics.length + Trajectory.options.length + 1));
  });
});

describe('the shop address on paper', () => {
  it('comes from the content pack when the device config has none, as on the welcome screen (demo mode)', async () => {
    const emulator = await startPrinterEmulator();
    const base = kioskConfig(emulatorPrinter(emulator));
    const printing = startPrinting({ config: { ...base, location: { id: base.location.id, name: base.location.name } }, dataDir: tempDir('paper-address'), names: packDisplayNames(samplePack) });
    try {
      printing.receipts.ticketTaken({ number: 'A001', topic: 'work', expectedWaitMinutes: null, language: 'nl', createdAt: '2026-11-24T09:30:00.000Z' });
      printing.receipts.committed();
      await printing.drain();
      const [receipt] = await emulator.waitForReceipts(1);
      const where = samplePack().locations.find((l) => l.id === base.location.id)?.address;
      expect(where).toBeDefined();
      expect(flat(receipt as DecodedReceipt)).toContain(`${where?.street}, ${where?.postcode} ${where?.city}`);
    } finally {
      await printing.close();
      await emulator.close();
    }
  });
});
