import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger';
import type { PrintingService } from '../../../electron/core/printing/printing-service';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { tempDir } from '../../support/paths';
import type { DecodedReceipt } from '../../support/printer-emulator/decode-escpos';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, fastRetry, queueTicket, startPrinting, voucherReceipt } from '../../support/printing-fixtures';
import { samplePack } from '../../support/voucher-input';

const address = 'Oudegracht 1, 3511 AB Utrecht';
/** The longest location names of the sample pack, the issue's own example, and a made-up 40-character one whose long word has no hyphen. */
const longest = samplePack().locations.map((l) => l.name).sort((a, b) => b.length - a.length).slice(0, 3);
const names = [...longest, 'Loopbaanwinkel Zoëterwoude-Rijndijk', 'Loopbaanwinkel Bedrijventerreinkwartiers'];

/** The header's lines read back as the name: a line ending in a hyphen goes on without a space. */
const readBack = (lines: readonly string[]): string => lines.reduce((name, line) => (name === '' ? line : name.endsWith('-') ? `${name}${line}` : `${name} ${line}`), '');

describe.each([
  { paperWidthMm: 58, perLine: 32 },
  { paperWidthMm: 80, perLine: 48 },
] as const)('a long shop name in the enlarged header, $paperWidthMm mm', ({ paperWidthMm, perLine }) => {
  let emulator: PrinterEmulator;
  const printed: Array<{ name: string; receipt: DecodedReceipt }> = [];

  beforeAll(async () => {
    expect(names[4]).toHaveLength(40);
    emulator = await startPrinterEmulator();
    for (const name of names) {
      const printing: PrintingService = startPrinting({
        config: DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'utrecht-centrum', name, address }, region: 'midden-utrecht', printer: emulatorPrinter(emulator, { paperWidthMm }) }),
        dataDir: tempDir('long-shop-name'),
        logger: silentLogger,
        retry: fastRetry,
      });
      for (const document of [voucherReceipt('nl'), queueTicket('nl')]) {
        printing.enqueue(document);
        await printing.drain();
        const receipts = await emulator.waitForReceipts(printed.length + 1);
        printed.push({ name, receipt: receipts[printed.length] as DecodedReceipt });
      }
      await printing.close();
    }
  });

  afterAll(async () => {
    await emulator.close();
  });

  it(`keeps every line within ${perLine} characters, counting magnified text`, () => {
    expect(printed).toHaveLength(names.length * 2);
    for (const { receipt } of printed) {
      for (const line of receipt.lines) expect(line.text.length * line.width, `"${line.text}"`).toBeLessThanOrEqual(perLine);
    }
  });

  it('breaks the name only between words or after a hyphen, and keeps it as large as that allows', () => {
    for (const { name, receipt } of printed) {
      const end = receipt.lines.findIndex((l) => l.text.trim() === address);
      const header = receipt.lines.slice(0, end).filter((l) => l.text.trim() !== '');
      expect(readBack(header.map((l) => l.text.trim())), name).toBe(name);
      // Enlarged when every word fits at twice the size, broken at its own hyphens if need be.
      const fitsLarge = name.split(/\s+/).every((word) => word.split(/(?<=-)/).every((part) => part.length <= perLine / 2));
      for (const line of header) expect(line.width, `"${line.text}"`).toBe(fitsLarge ? 2 : 1);
    }
  });

  it('breaks "Zoëterwoude-Rijndijk" after its hyphen on 58 mm, never as "Zoëterwoude-Rijn" / "dijk"', () => {
    const header = printed.find((p) => p.name.includes('Zoëterwoude'))?.receipt.lines.map((l) => l.text.trim()) ?? [];
    expect(header).not.toContain('dijk');
    if (paperWidthMm === 58) expect(header.slice(0, 3)).toEqual(['Loopbaanwinkel', 'Zoëterwoude-', 'Rijndijk']);
  });
});
