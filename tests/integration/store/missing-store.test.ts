import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { createLogger } from '../../../electron/core/log/logger';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { openStore, storeMarkerFile } from '../../../electron/core/store/open-store';
import { StoreError } from '../../../electron/core/store/store-error';
import { resourcesDir, tempDir } from '../../support/paths';

function makeCore(dataDir: string, lines: string[]) {
  const core = createCore({ config: demoDeviceConfig, appVersion: 'test', resourcesDir, dataDir, shell: 'browser', logger: createLogger((l) => lines.push(l)) });
  return { core, call: (channel: string, payload: unknown) => core.dispatch(channel, payload, { transport: 'test', client: 'test' }) };
}

const missing = (fn: () => unknown): StoreError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).problem).toBe('missing');
    return err as StoreError;
  }
  throw new Error('expected the store to refuse a missing database');
};

describe('a device database that was there before', () => {
  it('stops with a clear error when the file became 0 bytes, instead of recreating it without the 80 queued messages', async () => {
    const dataDir = tempDir('emptied');
    const file = join(dataDir, deviceDatabaseName);
    const first = makeCore(dataDir, []);
    for (let i = 0; i < 80; i++) expect((await first.call('ticket.take', { topic: 'voucher' })).ok).toBe(true);
    await first.core.close();
    expect(existsSync(storeMarkerFile(file))).toBe(true);

    truncateSync(file, 0);
    rmSync(`${file}-wal`, { force: true });
    const lines: string[] = [];
    const second = makeCore(dataDir, lines);
    const refused = await second.call('ticket.take', { topic: 'voucher' });
    await second.core.close();
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(/missing or empty/);
    expect(lines.join('\n')).toMatch(/"problem":"missing"/);
    expect(statSync(file).size).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('stops when the file is gone, and leaves the folder as it found it', () => {
    const dir = tempDir('deleted');
    const file = join(dir, deviceDatabaseName);
    openStore(file).close();
    rmSync(file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const err = missing(() => openStore(file));
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/restore the file from a backup/);
    expect(existsSync(file)).toBe(false);
  });

  it('still refuses when the marker itself was damaged: its presence is what counts', () => {
    const dir = tempDir('damaged-marker');
    const file = join(dir, deviceDatabaseName);
    openStore(file).close();
    writeFileSync(storeMarkerFile(file), Buffer.from([0, 0xff, 0x13]));
    truncateSync(file, 0);
    missing(() => openStore(file));
    expect(statSync(file).size).toBe(0);
  });

  it('opens an intact database next to a damaged marker, and keeps the marker', () => {
    const dir = tempDir('damaged-marker');
    const file = join(dir, deviceDatabaseName);
    openStore(file).close();
    const garbage = Buffer.from([0, 0xff, 0x13]);
    writeFileSync(storeMarkerFile(file), garbage);
    openStore(file).close();
    expect(readFileSync(storeMarkerFile(file)).equals(garbage)).toBe(true);
  });

  it('creates the database and its marker on a truly first start, also over an empty file in a folder without a marker', () => {
    for (const empty of [false, true]) {
      const file = join(tempDir('fresh'), deviceDatabaseName);
      if (empty) writeFileSync(file, '');
      expect(existsSync(storeMarkerFile(file))).toBe(false);
      openStore(file).close();
      expect(statSync(file).size).toBeGreaterThan(0);
      expect(existsSync(storeMarkerFile(file))).toBe(true);
    }
  });

  it('gives a database an older release wrote (no marker yet) its marker, so its later loss is caught', () => {
    const dir = tempDir('older-release');
    const file = join(dir, deviceDatabaseName);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.close();
    openStore(file).close();
    expect(existsSync(storeMarkerFile(file))).toBe(true);
    truncateSync(file, 0);
    missing(() => openStore(file));
  });
});
