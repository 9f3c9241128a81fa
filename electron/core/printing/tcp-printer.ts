import { connect, type Socket } from 'node:net';
import { parseStatusReply, statusQuery } from './dle-eot-status';
import type { PrinterModel } from './escpos-encoder';
import type { PrinterCheck, PrinterDevice, RenderedJob } from './printer-device';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  model: PrinterModel;
  /** For the connection and for each answer: a kiosk must never wait long on a dead printer. */
  timeoutMs: number;
}

const offline = (detail: string): PrinterCheck => ({ state: 'offline', paperLow: false, reportsPaper: false, detail });

function open(options: TcpPrinterOptions): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: options.host, port: options.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no connection within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const onConnectError = (err: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(new Error(err.code === 'ECONNREFUSED' ? 'connection refused (printer off?)' : `cannot connect: ${err.code ?? err.message}`));
    };
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onConnectError);
      // Each step listens for errors itself; this one keeps an error between steps from being unhandled.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', onConnectError);
  });
}

/** Sends the DLE EOT queries and reads three answer bytes, or gives up after the timeout. */
function readStatus(socket: Socket, timeoutMs: number): Promise<PrinterCheck> {
  return new Promise((resolve) => {
    let reply = Buffer.alloc(0);
    const timer = setTimeout(() => finish(offline(`no status answer within ${timeoutMs} ms`)), timeoutMs);
    function finish(check: PrinterCheck): void {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      resolve(check);
    }
    function onData(chunk: Buffer): void {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length >= 3) finish(parseStatusReply(reply));
    }
    function onError(err: Error): void {
      finish(offline(`connection broke: ${err.message}`));
    }
    socket.on('data', onData);
    socket.on('error', onError);
    socket.write(statusQuery);
  });
}

/**
 * Resolves once every byte is handed to the network and the printer has closed its side, or a
 * moment after that when it keeps the connection open (many do); rejects when sending breaks off.
 */
function send(socket: Socket, bytes: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let flushed = false;
    // Scaled with the size so a large receipt on a slow link is not cut off, bounded so nothing waits forever.
    const timer = setTimeout(() => {
      socket.destroy();
      if (flushed) resolve();
      else reject(new Error('the printer stopped taking data'));
    }, timeoutMs + bytes.length / 10);
    socket.once('error', (err) => {
      clearTimeout(timer);
      if (flushed) resolve();
      else reject(new Error(`sending broke off: ${err.message}`));
    });
    socket.once('close', () => {
      clearTimeout(timer);
      if (flushed) resolve();
      else reject(new Error('the printer closed the connection before it had every byte'));
    });
    socket.on('data', () => undefined);
    socket.end(bytes, () => {
      flushed = true;
    });
  });
}

/**
 * A network printer on port 9100. One connection per job: status first (EPSON answers DLE EOT,
 * STAR in Line mode does not, so there a connection is all we learn), then the bytes.
 */
export function createTcpPrinter(options: TcpPrinterOptions): PrinterDevice {
  const reportsPaper = options.model === 'epson';

  const checkOn = async (socket: Socket): Promise<PrinterCheck> =>
    reportsPaper ? readStatus(socket, options.timeoutMs) : { state: 'ready', paperLow: false, reportsPaper: false, detail: null };

  return {
    kind: 'tcp',
    async check() {
      let socket: Socket;
      try {
        socket = await open(options);
      } catch (err) {
        return offline((err as Error).message);
      }
      try {
        return await checkOn(socket);
      } finally {
        socket.destroy();
      }
    },
    async print(job: RenderedJob, claim) {
      let socket: Socket;
      try {
        socket = await open(options);
      } catch (err) {
        return { printed: false, check: offline((err as Error).message) };
      }
      const check = await checkOn(socket);
      if (check.state !== 'ready' || !claim()) {
        socket.destroy();
        return { printed: false, check };
      }
      await send(socket, job.bytes, options.timeoutMs);
      return { printed: true, check };
    },
  };
}
