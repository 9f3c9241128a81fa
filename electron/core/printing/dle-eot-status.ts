import type { PrinterCheck } from './printer-device';

/** DLE EOT 1, 2 and 4: printer status, offline cause, roll paper sensor (ESC/POS real-time status). */
export const statusQuery = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);

/** Every real-time status byte has bit 1 and bit 4 set and bit 0 and bit 7 clear. */
const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

/** Reads the three answers to `statusQuery`, worst condition first. */
export function parseStatusReply(reply: Uint8Array): PrinterCheck {
  const [printer, offlineCause, paper] = [reply[0], reply[1], reply[2]];
  if (printer === undefined || offlineCause === undefined || paper === undefined || ![printer, offlineCause, paper].every(isStatusByte)) {
    return { state: 'error', paperLow: false, reportsPaper: false, detail: 'the printer gave a status answer that is not ESC/POS' };
  }
  const paperLow = (paper & 0x0c) !== 0;
  if ((paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0) return { state: 'paper-out', paperLow: true, reportsPaper: true, detail: 'paper roll empty' };
  if ((offlineCause & 0x04) !== 0) return { state: 'cover-open', paperLow, reportsPaper: true, detail: 'cover open' };
  if ((offlineCause & 0x40) !== 0) return { state: 'error', paperLow, reportsPaper: true, detail: 'printer reports an error (cutter or mechanism)' };
  if ((printer & 0x08) !== 0) return { state: 'offline', paperLow, reportsPaper: true, detail: 'printer reports it is offline' };
  return { state: 'ready', paperLow, reportsPaper: true, detail: null };
}
