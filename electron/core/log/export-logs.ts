import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { currentLogName, rotatedLogName } from './rotating-file-sink';
import { redactText } from './redact';

export interface LogExport {
  file: string;
  lines: number;
}

/**
 * One gzipped file of every kept log line, oldest first, for IT to attach to a ticket. Each line is
 * redacted again on the way out, so logs written by an older version cannot leak through an export.
 */
export function exportLogs(logDir: string, destDir: string, now: Date, maxFiles = 20): LogExport {
  const files = [...Array.from({ length: maxFiles }, (_, i) => rotatedLogName(maxFiles - i)), currentLogName]
    .map((name) => join(logDir, name))
    .filter((file) => existsSync(file));
  const lines = files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0)).map(redactText);
  mkdirSync(destDir, { recursive: true });
  const file = join(destDir, `loopbaanwinkel-logs-${now.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
  writeFileSync(file, gzipSync(lines.map((line) => `${line}\n`).join('')), { mode: 0o600 });
  return { file, lines: lines.length };
}
