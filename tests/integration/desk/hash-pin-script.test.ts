import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPin } from '../../../electron/core/staff/pin-hash';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { repoRoot } from '../../support/paths';

const run = (input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'hash-pin.ts')], { cwd: repoRoot, input, encoding: 'utf8' });

describe('npm run hash-pin', () => {
  it('prints a hash the device config accepts and the desk verifies, and never the PIN', async () => {
    const out = run('739164\n');
    expect(out.status).toBe(0);
    const hash = out.stdout.trim();
    expect(hash).not.toContain('739164');
    expect(await verifyPin('739164', hash)).toBe(true);
    expect(await verifyPin('739165', hash)).toBe(false);
    const config = DeviceConfigSchema.safeParse({ role: 'counter', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle', itStaff: [{ username: 'ivo', displayName: 'Ivo', pinHash: hash }] });
    expect(config.success).toBe(true);
  });

  it('refuses a PIN the desk would refuse, saying why', () => {
    const out = run('123456\n');
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('too easy to guess');
  });
});
