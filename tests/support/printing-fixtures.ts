import { join } from 'node:path';
import { systemClock } from '../../electron/core/clock/clock';
import { silentLogger, type Logger } from '../../electron/core/log/logger';
import { createPrintingService, type DisplayNames, type PrintingService } from '../../electron/core/printing/printing-service';
import { deviceDatabaseName } from '../../electron/core/store/open-device-store';
import { openStore } from '../../electron/core/store/open-store';
import { DeviceConfigSchema, type DeviceConfig, type DeviceConfigInput } from '../../shared/config/device-config';
import type { PrintDocument } from '../../shared/printing/print-document';
import type { PrinterEmulator } from './printer-emulator/printer-emulator';

/** A provider name with every Dutch letter the issue names, and the euro sign. */
export const dutchProvider = 'Loopbaanbureau Ëlla & Zoë, één euro: € (ïdeeën)';

export const voucherReceipt = (language: 'nl' | 'en' = 'nl', referenceCode = 'K7QD-M3XA'): PrintDocument => ({
  kind: 'voucher-receipt',
  language,
  data: { referenceCode, trajectory: 'loopbaan-apk', provider: dutchProvider, requestedAt: '2026-11-24T13:05:00Z' },
});

export const finalReceipt = (language: 'nl' | 'en' = 'nl'): PrintDocument => ({
  kind: 'final-receipt',
  language,
  data: { referenceCode: 'K7QD-M3XA', trajectory: 'ontwikkeladvies', provider: dutchProvider, completedAt: '2026-11-24T15:40:00Z' },
});

export const queueTicket = (language: 'nl' | 'en' = 'nl'): PrintDocument => ({
  kind: 'queue-ticket',
  language,
  data: { ticketNumber: 'A017', topic: 'Werk zoeken in de regio', takenAt: '2026-11-24T09:30:00Z', expectedWaitMinutes: 12 },
});

export function kioskConfig(printer: DeviceConfigInput['printer'], address = 'Oudegracht 1, 3511 AB Utrecht'): DeviceConfig {
  return DeviceConfigSchema.parse({
    role: 'kiosk',
    location: { id: 'utrecht-centrum', name: 'Loopbaanwinkel Utrecht', address },
    region: 'midden-utrecht',
    printer,
  });
}

export function emulatorPrinter(emulator: PrinterEmulator, extra: Record<string, unknown> = {}): DeviceConfigInput['printer'] {
  return { type: 'tcp', host: emulator.host, port: emulator.port, connectTimeoutMs: 300, ...extra } as DeviceConfigInput['printer'];
}

/** Short retry delays so a test about retries takes a second, not a minute. */
export const fastRetry = { baseDelayMs: 50, maxDelayMs: 200 };

/**
 * The printing service on a real device database in `dataDir` (migrated like the app's own);
 * closing it closes the database too.
 */
export function startPrinting(options: { config: DeviceConfig; dataDir: string; logger?: Logger; retry?: { baseDelayMs: number; maxDelayMs: number }; statusMaxAgeMs?: number; names?: Partial<DisplayNames> }): PrintingService {
  const store = openStore(join(options.dataDir, deviceDatabaseName));
  const printing = createPrintingService({ ...options, logger: options.logger ?? silentLogger, clock: systemClock, db: store.db });
  return {
    ...printing,
    close: async () => {
      await printing.close();
      store.close();
    },
  };
}
