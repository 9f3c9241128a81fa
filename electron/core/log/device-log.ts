import { join } from 'node:path';
import { createLogger, teeSinks, type LogFields, type Logger, type LogSink } from './logger';
import { createRotatingFileSink } from './rotating-file-sink';

/** 5 MB x (1 + 9) files: weeks of a busy shop's log, and never more than 50 MB of disk. */
export const deviceLogLimits = { maxBytes: 5 * 1024 * 1024, maxFiles: 9 };

export interface DeviceLog {
  logger: Logger;
  dir: string;
  close(): void;
}

/** The log every shell writes: to the console for a developer, to <dataDir>/logs for IT. */
export function openDeviceLog(dataDir: string, console: LogSink, base: LogFields): DeviceLog {
  const dir = join(dataDir, 'logs');
  const file = createRotatingFileSink({ dir, ...deviceLogLimits });
  return { logger: createLogger(teeSinks(console, file.write), 'info', base), dir, close: file.close };
}
