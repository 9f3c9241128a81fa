import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileKeyProvider, deviceKeyFile, KeyProviderError } from '../../../electron/core/crypto/key-provider';
import { parseStartArgs } from '../../../electron/core/startup/parse-args';
import { prepareStart } from '../../../electron/core/startup/prepare-start';
import { tempDir } from '../../support/paths';

describe('the field key outside the data dir', () => {
  it('keeps the key in the key directory IT gave (--key-dir), created 0700, and nothing of it in the data dir', () => {
    const root = tempDir('key-dir');
    const prepared = prepareStart(parseStartArgs(['--data-dir', join(root, 'data'), '--key-dir', join(root, 'keys')]), join(root, 'unused'));
    expect(prepared.keyDir).toBe(join(root, 'keys'));
    expect(statSync(join(root, 'keys')).mode & 0o777).toBe(0o700);
    const key = createFileKeyProvider(deviceKeyFile(prepared.dataDir, prepared.keyDir)).loadKey();
    expect(key.equals(readFileSync(join(root, 'keys', 'field-key')))).toBe(true);
    expect(existsSync(join(prepared.dataDir, 'field-key'))).toBe(false);
  });

  it('refuses to start with a new key in the key directory while the old one is still in the data dir', () => {
    const root = tempDir('key-dir');
    writeFileSync(join(root, 'field-key'), Buffer.alloc(32, 7), { mode: 0o600 });
    expect(() => deviceKeyFile(root, join(root, 'keys'))).toThrow(KeyProviderError);
    expect(() => deviceKeyFile(root, join(root, 'keys'))).toThrow(/move it to/);
  });
});
