import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../../electron/core/app-core';
import { createLogger } from '../../../electron/core/log/logger';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { addItAccount } from '../../support/it-account';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync, startSim } from '../../support/sync-rig';

const t = { transport: 'test', client: 'test' } as const;
const open: { core?: Core; sim?: RunningSim } = {};
afterEach(async () => {
  await open.core?.close();
  await open.sim?.close();
  open.core = open.sim = undefined;
});

/** A device with no provisioning code at all: only what IT types at the counter can enroll it. */
async function device(role: 'counter' | 'kiosk') {
  const sim = await startSim();
  const logLines: string[] = [];
  const dataDir = tempDir('enroll-code');
  const core = createCore({
    config: DeviceConfigSchema.parse({ role, location: { id: 'deventer', name: 'Deventer' }, region: 'stedendriehoek', centralApiUrl: sim.url }),
    appVersion: '2.0.0',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: createLogger((line) => logLines.push(line), 'debug'),
    enrollmentCode: async () => null,
    syncTuning: fastSync,
    heartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 },
  });
  open.core = core;
  open.sim = sim;
  const call = (channel: string, input: unknown = {}) => core.dispatch(channel, input, t);
  return { sim, core, call, logLines, dataDir };
}

async function signedInAs({ call, dataDir }: { call: (channel: string, input?: unknown) => Promise<unknown>; dataDir: string }, role: 'it' | 'location-manager') {
  await call('staff.setup', { username: 'lotte', displayName: 'Lotte', pin: '482915' });
  if (role === 'location-manager') return;
  await addItAccount(dataDir);
  await call('staff.signOut', {});
  expect(await call('staff.signIn', { username: 'ivo', pin: '739164' })).toMatchObject({ ok: true });
}

describe('device.enroll: IT types the one-time code at the counter', () => {
  it('enrolls over HTTP with the typed code, then heartbeats; the code appears in no log line', async () => {
    const dev = await device('counter');
    const { sim, core, call, logLines } = dev;
    // On the counter even the device's status is for the person signed in there.
    await signedInAs(dev, 'it');
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'enrolling' } });
    expect(await core.heartbeat?.sendNow()).toBe('not-enrolled');
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'not-enrolled' } });
    const code = sim.issueEnrollmentCode();
    // Typed the way people type: lower case, no dashes, a stray space.
    const typed = ` ${code.replace(/-/g, '').toLowerCase()}`;
    expect(await call('device.enroll', { code: typed })).toMatchObject({ ok: true, result: { enrollment: 'enrolled' } });
    expect(sim.store.db.prepare('SELECT location_id FROM devices').all()).toEqual([{ location_id: 'deventer' }]);
    expect(await core.heartbeat?.sendNow()).toBe('sent');

    const logged = logLines.join('\n');
    expect(logged).toContain('device enrolled');
    expect(logged).not.toContain(code);
    expect(logged.toUpperCase()).not.toContain(code.replace(/-/g, ''));
  });

  it('says why a code does not work: malformed, unknown or already used; the device stays as it was', async () => {
    const dev = await device('counter');
    const { sim, call } = dev;
    await signedInAs(dev, 'it');
    const malformed = await call('device.enroll', { code: 'ABC' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(malformed)).toContain('12 letters and digits');
    expect(await call('device.enroll', { code: 'AAAA-AAAA-AAAA' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'not-enrolled' } });

    const code = sim.issueEnrollmentCode();
    expect(await call('device.enroll', { code })).toMatchObject({ ok: true });
    // One-time: the same code a second time is refused, and the token from the first use stays good.
    expect(await call('device.enroll', { code })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(sim.store.db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 1 });
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'enrolled' } });
  });

  it('is for IT only: refused to a location manager, to nobody signed in, and on a kiosk', async () => {
    const counter = await device('counter');
    const code = counter.sim.issueEnrollmentCode();
    expect(await counter.call('device.enroll', { code })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await signedInAs(counter, 'location-manager');
    expect(await counter.call('device.enroll', { code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(counter.sim.store.db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
    await open.core?.close();
    await open.sim?.close();

    const kiosk = await device('kiosk');
    expect(await kiosk.call('device.enroll', { code: kiosk.sim.issueEnrollmentCode() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
