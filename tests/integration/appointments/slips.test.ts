import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookResult } from '../../../shared/contract/appointments-channels';
import type { SignUpResult } from '../../../shared/contract/sessions-channels';
import { countRows, mondayMorning, startShop } from '../../support/appointments-rig';
import type { DecodedReceipt } from '../../support/printer-emulator/decode-escpos';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter } from '../../support/printing-fixtures';

let shop: Awaited<ReturnType<typeof startShop>> | null = null;
let emulator: PrinterEmulator | null = null;
afterEach(async () => {
  await shop?.close();
  await emulator?.close();
  shop = null;
  emulator = null;
});

const flat = (receipt: DecodedReceipt): string => receipt.lines.map((l) => l.text.trim()).filter(Boolean).join(' ');

describe('the slips a kiosk prints after the booking committed at the hub', () => {
  it('an appointment slip: the date in Dutch words, the address, what to bring, how to cancel, the code and a QR holding only the code', async () => {
    emulator = await startPrinterEmulator({ dialect: 'epson' });
    shop = await startShop({ now: () => mondayMorning, kiosks: 1, kioskConfig: { printer: emulatorPrinter(emulator, { paperWidthMm: 80 }) } });
    const kiosk = shop.kiosks[0];
    const booked = await kiosk?.call<BookResult>('appointments.book', { topic: 'eerste-gesprek', start: '2027-01-12T10:30:00+01:00', language: 'nl', idempotencyKey: randomUUID() });
    if (booked?.outcome !== 'booked') throw new Error('expected a booking');
    expect(booked.appointment.printJobId).not.toBeNull();
    const [slip] = await emulator.waitForReceipts(1);
    const text = flat(slip as DecodedReceipt);
    expect(text).toContain('Je afspraak');
    expect(text).toContain('Een eerste gesprek');
    expect(text).toContain('dinsdag 12 januari, 10.30 uur');
    expect(slip?.lines.map((l) => l.text.trim())).toEqual(expect.arrayContaining(['Loopbaanwinkel Zwolle', 'Proefplein 3, 8011 CD Zwolle']));
    expect(text).not.toMatch(/Zwolle\?/);
    expect(text).toContain('Neem een identiteitsbewijs mee.');
    expect(text).toContain('Kun je niet komen?');
    expect(text).toContain('038 200 20 20');
    expect(slip?.lines.find((l) => l.text === booked.appointment.code)).toMatchObject({ width: 3, bold: true });
    expect(slip?.qrCodes).toEqual([booked.appointment.code]);
    expect(slip?.cuts).toBe(1);
  }, 60_000);

  it('a seat slip in English, and nothing printed for a booking that was refused', async () => {
    emulator = await startPrinterEmulator({ dialect: 'star' });
    shop = await startShop({ now: () => mondayMorning, kiosks: 1, kioskConfig: { printer: emulatorPrinter(emulator, { model: 'star', paperWidthMm: 58 }) } });
    const kiosk = shop.kiosks[0];
    expect(await kiosk?.ask('appointments.book', { topic: 'eerste-gesprek', start: '2027-01-10T10:30:00+01:00', language: 'nl', idempotencyKey: randomUUID() })).toMatchObject({ ok: false });
    const seat = await kiosk?.call<SignUpResult>('sessions.signUp', { sessionId: 'zwolle-zorg-2027-02', language: 'en', idempotencyKey: randomUUID() });
    if (seat?.outcome !== 'signed-up') throw new Error('expected a seat');
    const [slip] = await emulator.waitForReceipts(1);
    const text = flat(slip as DecodedReceipt);
    expect(text).toContain('Your place at the session');
    expect(text).toContain('Working in care');
    expect(text).toContain('Thursday 11 February, 19:00');
    expect(text).toContain('Grote zaal');
    expect(slip?.qrCodes).toEqual([seat.seat.code]);
    expect(countRows(kiosk?.dataDir ?? '', 'SELECT count(*) FROM print_jobs')).toBe(1);
    for (const line of slip?.lines ?? []) expect(line.text.length * line.width).toBeLessThanOrEqual(32);
  }, 60_000);
});
