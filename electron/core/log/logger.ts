import { redactFields, redactText, type LogFields } from './redact';

export type { LogFields } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured JSON lines. Fields are scalars on purpose: a caller cannot hand the logger a whole
 * request object and leak the personal data inside it; what is left of secrets and personal data
 * in a message or a field is redacted before the line reaches any sink.
 */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info', base: LogFields = {}): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (order[level] < order[minLevel]) return;
    // The wall clock, not the core's: a line is read next to the OS's own logs (docs/architecture.md, "One clock").
    sink(JSON.stringify({ t: new Date().toISOString(), level, msg: redactText(msg), ...redactFields({ ...base, ...fields }) }));
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(sink, minLevel, { ...base, ...fields }),
  };
}

/** One line to several places, e.g. stderr for a developer and the rotated file for IT. */
export function teeSinks(...sinks: LogSink[]): LogSink {
  return (line) => {
    for (const sink of sinks) sink(line);
  };
}

export const silentLogger: Logger = createLogger(() => undefined);
