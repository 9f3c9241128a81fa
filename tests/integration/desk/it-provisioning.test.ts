import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import { hashPin } from '../../../electron/core/staff/pin-hash';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { startCounterCore } from '../../support/counter-core';
import { tempDir } from '../../support/paths';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const t = { transport: 'test', client: 'test' } as const;

function counterWith(dataDir: string, itStaff: Array<{ username: string; displayName: string; pinHash: string }>) {
  const started = startCounterCore({ dataDir, config: { itStaff } });
  core = started.core;
  return started;
}

async function restart(dataDir: string, itStaff: Array<{ username: string; displayName: string; pinHash: string }>) {
  await core?.close();
  return counterWith(dataDir, itStaff);
}

describe('IT accounts come from the device config, never from the desk', () => {
  it('adds, updates and removes IT accounts at start as the config lists them, and the shop still sets up its manager', async () => {
    const dataDir = tempDir('it-provisioning');
    const ivo = { username: 'ivo', displayName: 'Ivo (IT regio)', pinHash: await hashPin('739164') };
    let desk = counterWith(dataDir, [ivo]);
    expect(await desk.call('staff.session', {})).toMatchObject({ setupNeeded: true, signedIn: null });
    expect(await desk.call('staff.signIn', { username: 'ivo', pin: '739164' })).toMatchObject({ ok: true, session: { signedIn: { role: 'it', displayName: 'Ivo (IT regio)' } } });
    await desk.call('staff.signOut', {});
    await desk.call('staff.setup', { username: 'lotte', displayName: 'Lotte', pin: '482915' });

    // A new PIN hash in the config replaces the old PIN at the next start.
    desk = await restart(dataDir, [{ ...ivo, pinHash: await hashPin('846205') }]);
    expect(await desk.call('staff.signIn', { username: 'ivo', pin: '739164' })).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await desk.call('staff.signIn', { username: 'ivo', pin: '846205' })).toMatchObject({ ok: true });
    await desk.call('staff.signOut', {});

    // Taken off the list: the account is gone, the manager is not touched.
    desk = await restart(dataDir, []);
    expect(await desk.call('staff.signIn', { username: 'ivo', pin: '846205' })).toMatchObject({ ok: false, reason: 'wrong' });
    await desk.call('staff.signIn', { username: 'lotte', pin: '482915' });
    const members = (await desk.call('staff.members', {})) as unknown as Array<{ username: string; role: string }>;
    expect(members.map((m) => [m.username, m.role])).toEqual([['lotte', 'location-manager']]);

    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    const trail = db.prepare("SELECT action, detail FROM audit WHERE aggregate_type = 'staff' AND detail LIKE '%device-config%' ORDER BY id").all() as Array<{ action: string; detail: string }>;
    db.close();
    expect(trail.map((r) => r.action)).toEqual(['staff.provisioned', 'staff.provisioned', 'staff.removed']);
    expect(trail.map((r) => r.detail).join()).not.toMatch(/scrypt|739164|846205/);
  });

  it('never turns a desk account into an IT account because the config names it', async () => {
    const dataDir = tempDir('it-provisioning-clash');
    let desk = counterWith(dataDir, []);
    await desk.call('staff.setup', { username: 'lotte', displayName: 'Lotte', pin: '482915' });
    desk = await restart(dataDir, [{ username: 'lotte', displayName: 'Lotte (IT?)', pinHash: await hashPin('739164') }]);
    expect(await desk.call('staff.signIn', { username: 'lotte', pin: '739164' })).toMatchObject({ ok: false });
    expect(await desk.call('staff.signIn', { username: 'lotte', pin: '482915' })).toMatchObject({ ok: true, session: { signedIn: { role: 'location-manager' } } });
    expect(await desk.dispatch('device.diagnostics', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a config whose IT entry carries a PIN instead of a hash, or a user name twice', () => {
    const base = { role: 'counter', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle' };
    const plain = DeviceConfigSchema.safeParse({ ...base, itStaff: [{ username: 'ivo', displayName: 'Ivo', pinHash: '739164' }] });
    expect(plain.success).toBe(false);
    expect(JSON.stringify(plain.error?.issues)).toContain('npm run hash-pin');
    const twice = DeviceConfigSchema.safeParse({ ...base, itStaff: [0, 1].map(() => ({ username: 'ivo', displayName: 'Ivo', pinHash: 'scrypt$32768$8$1$AAAA$BBBB' })) });
    expect(JSON.stringify(twice.error?.issues)).toContain('every IT user name once');
  });
});
