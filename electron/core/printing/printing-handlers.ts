import type { printingChannels } from '../../../shared/contract/printing-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { PrintingService } from './printing-service';

export function createPrintingHandlers(printing: PrintingService): HandlersFor<typeof printingChannels> {
  return {
    'printer.status': () => printing.status(),
    'print.job': ({ jobId }) => printing.job(jobId),
    'print.recent': ({ limit, ...filter }) => ({ jobs: printing.recent(limit, filter) }),
    'print.reprint': ({ jobId }) => printing.reprint(jobId),
    'print.preview': async ({ jobId }) => ({ html: await printing.preview(jobId) }),
  };
}
