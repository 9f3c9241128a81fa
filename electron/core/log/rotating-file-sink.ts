import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from './logger';

export interface RotatingFileOptions {
  dir: string;
  /** The current file is rotated once it would grow past this. */
  maxBytes: number;
  /** Rotated files kept beside the current one: app.1.log (newest) ... app.N.log (oldest). */
  maxFiles: number;
}

export interface RotatingFileSink {
  write: LogSink;
  close(): void;
}

export const currentLogName = 'app.log';

export function rotatedLogName(index: number): string {
  return `app.${index}.log`;
}

/**
 * Appends JSON lines to <dir>/app.log, synchronously: a kiosk that crashes must leave its last
 * words on disk. The whole set never grows past maxBytes * (maxFiles + 1), so months unattended
 * cannot fill the disk.
 */
export function createRotatingFileSink(options: RotatingFileOptions): RotatingFileSink {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const current = join(options.dir, currentLogName);
  let fd = openSync(current, 'a', 0o600);
  let size = fstatSync(fd).size;

  const rotate = (): void => {
    closeSync(fd);
    rmSync(join(options.dir, rotatedLogName(options.maxFiles)), { force: true });
    for (let index = options.maxFiles - 1; index >= 1; index -= 1) {
      const from = join(options.dir, rotatedLogName(index));
      if (existsSync(from)) renameSync(from, join(options.dir, rotatedLogName(index + 1)));
    }
    if (options.maxFiles > 0) renameSync(current, join(options.dir, rotatedLogName(1)));
    else rmSync(current, { force: true });
    fd = openSync(current, 'a', 0o600);
    size = 0;
  };

  return {
    write: (line) => {
      const bytes = Buffer.from(`${line}\n`);
      if (size > 0 && size + bytes.length > options.maxBytes) rotate();
      writeSync(fd, bytes);
      size += bytes.length;
    },
    close: () => closeSync(fd),
  };
}
