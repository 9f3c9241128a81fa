import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportLogs } from '../../../electron/core/log/export-logs';
import { createLogger, teeSinks } from '../../../electron/core/log/logger';
import { redactText } from '../../../electron/core/log/redact';
import { createRotatingFileSink } from '../../../electron/core/log/rotating-file-sink';
import { tempDir } from '../../support/paths';

function captured() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>), 'debug') };
}

describe('the structured logger', () => {
  it('keeps its API: levels, child fields, JSON lines', () => {
    const { lines, logger } = captured();
    logger.child({ area: 'updates' }).info('checked', { version: '1.2.0', ok: true });
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'checked', area: 'updates', version: '1.2.0', ok: true });
    expect(typeof lines[0]?.t).toBe('string');
  });

  it('never writes tokens, codes or personal details, whatever the field is called', () => {
    const { lines, logger } = captured();
    logger.warn('enrolment failed', {
      deviceToken: 'abc',
      enrollmentCode: 'K7Q-29X',
      authorization: 'x',
      email: 'a@b.nl',
      visitorName: 'Jan Jansen',
      postcode: '8011 AB',
      screen: 'kiosk.welcome',
    });
    expect(lines[0]).toMatchObject({
      deviceToken: '[redacted]',
      enrollmentCode: '[redacted]',
      authorization: '[redacted]',
      email: '[redacted]',
      visitorName: '[redacted]',
      postcode: '[redacted]',
      screen: 'kiosk.welcome',
    });
  });

  it('scrubs secrets and personal data out of free text such as error messages', () => {
    const { lines, logger } = captured();
    const token = 'Zk9x3QmVb7cT2wYp8rLs5nHd1aEu4oJiKg6fWqRt0yU';
    logger.error(`request failed: Authorization: Bearer ${token} for jan.jansen@example.nl`, {
      error: `GET https://api.example.nl/v1/status?token=${token}&lang=nl from 06-12345678, BSN 123456782, IBAN NL91ABNA0417164300`,
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of [token, 'jan.jansen@example.nl', '06-12345678', '123456782', 'NL91ABNA0417164300']) expect(text).not.toContain(secret);
    expect(text).toContain('lang=nl');
    expect(text).toContain('https://api.example.nl/v1/status');
  });

  it('keeps what IT needs: request ids, versions, counts, paths', () => {
    const keep = 'request 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b failed after 3 tries in /var/lib/loopbaanwinkel/data at version 1.12.0';
    expect(redactText(keep)).toBe(keep);
  });
});

describe('the log files in the data dir', () => {
  it('rotate at the size cap and keep a bounded number of files', () => {
    const dir = tempDir('logs');
    const sink = createRotatingFileSink({ dir, maxBytes: 1000, maxFiles: 3 });
    const logger = createLogger(sink.write, 'info');
    for (let i = 0; i < 200; i += 1) logger.info('heartbeat sent', { seq: i });
    sink.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['app.1.log', 'app.2.log', 'app.3.log', 'app.log']);
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(1000);
    const newest = readFileSync(join(dir, 'app.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(newest.at(-1) ?? '{}')).toMatchObject({ seq: 199 });
    expect((statSync(join(dir, 'app.log')).mode & 0o777).toString(8)).toBe('600');
  });

  it('append to the existing file after a restart instead of starting over', () => {
    const dir = tempDir('logs-restart');
    const first = createRotatingFileSink({ dir, maxBytes: 10_000, maxFiles: 2 });
    first.write('{"n":1}');
    first.close();
    const second = createRotatingFileSink({ dir, maxBytes: 10_000, maxFiles: 2 });
    second.write('{"n":2}');
    second.close();
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('export as one gzipped file, oldest line first, redacted again on the way out', () => {
    const dir = tempDir('logs-export');
    const sink = createRotatingFileSink({ dir, maxBytes: 300, maxFiles: 5 });
    const logger = createLogger(teeSinks(sink.write), 'info');
    for (let i = 0; i < 20; i += 1) logger.info('tick', { seq: i });
    sink.write('{"msg":"written by an older version for piet@example.nl"}');
    sink.close();
    const out = tempDir('logs-out');
    const result = exportLogs(dir, out, new Date('2026-11-24T03:00:00Z'), 5);
    expect(result.file).toBe(join(out, 'loopbaanwinkel-logs-2026-11-24T03-00-00-000Z.jsonl.gz'));
    const lines = gunzipSync(readFileSync(result.file)).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(result.lines);
    const seqs = lines.map((line) => (JSON.parse(line) as { seq?: number }).seq).filter((seq) => seq !== undefined);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.at(-1)).toBe(19);
    expect(lines.at(-1)).not.toContain('piet@example.nl');
  });
});
