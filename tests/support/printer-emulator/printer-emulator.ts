import { createServer, type Server, type Socket } from 'node:net';
import { decodeEscPos, splitReceipts, type DecodedReceipt, type Dialect } from './decode-escpos';

/**
 * online  prints
 * refuse  not listening: connections are refused, as when the printer is switched off
 * hang    accepts connections and then never reads or answers
 * stall   answers status queries, then stops reading once print data arrives (jammed mid-job)
 */
export type EmulatorMode = 'online' | 'refuse' | 'hang' | 'stall';
export type PaperState = 'ok' | 'near-end' | 'out';

export interface PrinterEmulator {
  readonly port: number;
  readonly host: '127.0.0.1';
  /** Every receipt printed so far, in order, decoded. */
  readonly receipts: DecodedReceipt[];
  /** Unknown commands seen in any job: a correct driver sends none. */
  readonly unknownCommands: string[];
  /** How many connections delivered print data (status checks do not count). */
  readonly jobsReceived: number;
  /** Every connection accepted so far, status checks included. */
  readonly connectionsOpened: number;
  setMode(mode: EmulatorMode): Promise<void>;
  setPaper(paper: PaperState): void;
  setCoverOpen(open: boolean): void;
  /** Resolves when `count` receipts have printed; rejects after `timeoutMs`. */
  waitForReceipts(count: number, timeoutMs?: number): Promise<DecodedReceipt[]>;
  /** performance.now() when the last print byte arrived. */
  lastByteAt(): number;
  close(): Promise<void>;
}

const DLE = 0x10;
const EOT = 0x04;

function stripStatusQueries(bytes: Buffer): Buffer {
  const kept: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === DLE && bytes[i + 1] === EOT) i += 2;
    else kept.push(bytes[i] ?? 0);
  }
  return Buffer.from(kept);
}

/**
 * A thermal printer on 127.0.0.1 for tests: takes ESC/POS (or Star Line mode) over TCP like a
 * printer's port 9100, decodes it, and answers DLE EOT real-time status queries (EPSON only, as
 * real Star printers in Line mode do not). It can refuse connections (switched off), accept and
 * never answer (hung), or report the paper out or the cover open.
 */
export async function startPrinterEmulator(options: { dialect?: Dialect } = {}): Promise<PrinterEmulator> {
  const dialect = options.dialect ?? 'epson';
  const receipts: DecodedReceipt[] = [];
  const unknownCommands: string[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  let mode: EmulatorMode = 'online';
  let paper: PaperState = 'ok';
  let coverOpen = false;
  let jobsReceived = 0;
  let connectionsOpened = 0;
  let lastByte = 0;
  let port = 0;

  /** DLE EOT n answers: fixed bits 1 and 4 set, as the ESC/POS reference specifies. */
  const statusByte = (n: number): number => {
    let value = 0x12;
    if (n === 1 && (paper === 'out' || coverOpen)) value |= 0x08;
    if (n === 2) {
      if (coverOpen) value |= 0x04;
      if (paper === 'out') value |= 0x20;
    }
    if (n === 4) {
      if (paper !== 'ok') value |= 0x0c;
      if (paper === 'out') value |= 0x60;
    }
    return value;
  };

  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    connectionsOpened += 1;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'hang') {
      socket.pause();
      return;
    }
    const chunks: Buffer[] = [];
    let carry = Buffer.alloc(0);
    let lastChunkAt = 0;
    socket.on('data', (chunk: Buffer) => {
      lastChunkAt = performance.now();
      chunks.push(chunk);
      if (mode === 'stall' && stripStatusQueries(chunk).length > 0) {
        socket.pause();
        return;
      }
      if (dialect !== 'epson') return;
      // A query may straddle two chunks, so the last two bytes of the previous one are kept.
      const scan = Buffer.concat([carry, chunk]);
      for (let i = 0; i + 2 < scan.length; i++) {
        if (scan[i] === DLE && scan[i + 1] === EOT && i + 2 >= carry.length) socket.write(Buffer.from([statusByte(scan[i + 2] ?? 0)]));
      }
      carry = scan.subarray(Math.max(0, scan.length - 2));
    });
    socket.on('end', () => {
      if (mode === 'stall') return;
      socket.end();
      const all = Buffer.concat(chunks);
      const withoutQueries = dialect === 'epson' ? stripStatusQueries(all) : all;
      if (withoutQueries.length === 0) return;
      if (paper === 'out' || coverOpen) return; // a real printer holds the data; the client must not send in this state
      jobsReceived += 1;
      lastByte = lastChunkAt;
      const decoded = decodeEscPos(all, dialect);
      unknownCommands.push(...decoded.unknown);
      receipts.push(...splitReceipts(decoded));
      for (const wake of waiters) wake();
    });
  };

  let server: Server | null = null;
  const listen = (onPort: number): Promise<void> =>
    new Promise((resolve, reject) => {
      // Half-open allowed: the emulator decides when to close its side, so it can stall like a jammed printer.
      const s = createServer({ allowHalfOpen: true }, onConnection);
      s.once('error', reject);
      s.listen(onPort, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });
  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen(0);

  return {
    get port() {
      return port;
    },
    host: '127.0.0.1',
    receipts,
    unknownCommands,
    get connectionsOpened() {
      return connectionsOpened;
    },
    get jobsReceived() {
      return jobsReceived;
    },
    async setMode(next) {
      const wasListening = mode !== 'refuse';
      mode = next;
      if (next === 'refuse' && wasListening) await stopListening();
      else if (next !== 'refuse' && !wasListening) await listen(port);
      else if (next === 'online') for (const socket of sockets) if (socket.isPaused()) socket.destroy();
    },
    setPaper(next) {
      paper = next;
    },
    setCoverOpen(open) {
      coverOpen = open;
    },
    waitForReceipts(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (receipts.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(receipts.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} receipt(s) at the printer emulator, got ${receipts.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    lastByteAt: () => lastByte,
    close: stopListening,
  };
}
