import type { Database } from 'better-sqlite3';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { PrinterState } from '../../../shared/printing/printer-status';
import type { printingChannels } from '../../../shared/contract/printing-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import { packDisplayNames } from './pack-display-names';
import { createPrintingHandlers } from './printing-handlers';
import { createPrintingService, type PrintingService } from './printing-service';

export interface PrintingModule extends Capability {
  readonly handlers: HandlersFor<typeof printingChannels>;
  readonly service: PrintingService;
  /** Tells a listener when a check finds the printer in another state (out of paper, back). */
  onStateChange(listener: (state: PrinterState) => void): void;
}

/**
 * Receipts and tickets. Print jobs live in the device database, written in the same transaction
 * as what they print; without a database nothing is stored to print, but the printer's status is
 * still reported.
 */
export function createPrintingModule(deps: {
  config: DeviceConfig;
  dataDir: string;
  logger: Logger;
  clock: Clock;
  db: Database | null;
  /** The active content pack: provider and topic names are read from it when a receipt is composed. */
  pack: () => ContentPack | null;
}): PrintingModule {
  const listeners: ((state: PrinterState) => void)[] = [];
  const service = createPrintingService({
    config: deps.config,
    dataDir: deps.dataDir,
    logger: deps.logger,
    clock: deps.clock,
    db: deps.db,
    names: packDisplayNames(deps.pack),
    onStateChange: (state) => listeners.forEach((listener) => listener(state)),
  });
  return {
    name: 'printing',
    service,
    handlers: createPrintingHandlers(service),
    onStateChange: (listener) => void listeners.push(listener),
    close: () => service.close(),
  };
}
