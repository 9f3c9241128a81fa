import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { locationKeyFingerprint } from '../../../electron/core/diagnostics/redacted-config';
import { createLogger } from '../../../electron/core/log/logger';
import { latestVersion } from '../../../electron/core/store/migrations';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { freePort } from '../../support/free-port';
import { addItAccount } from '../../support/it-account';
import { resourcesDir, tempDir } from '../../support/paths';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe("device.diagnostics: IT's view of a counter", () => {
  it('shows health, configuration and versions, with the location key only as a fingerprint and no password from a URL', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const dataDir = tempDir('diagnostics');
    const port = await freePort();
    core = createCore({
      config: DeviceConfigSchema.parse({
        role: 'counter',
        location: { id: 'deventer', name: 'Deventer' },
        region: 'stedendriehoek',
        // Nothing listens here: the request below stays queued, which is what the health shows.
        centralApiUrl: 'http://proxy-user:proxy-secret@127.0.0.1:9/',
        hub: { listenHost: '127.0.0.1', port, locationKey },
        printer: { type: 'none' },
        // The sample pack's rules let the request below start.
        demo: true,
      }),
      appVersion: '2.0.0',
      resourcesDir,
      dataDir,
      shell: 'browser',
      logger: createLogger(() => undefined),
      enrollmentCode: async () => null,
      heartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 },
    });
    const call = (channel: string, input: unknown = {}) => (core as Core).dispatch(channel, input, t);
    await call('staff.setup', { username: 'lotte', displayName: 'Lotte', pin: '482915' });
    await call('voucher.start', voucherInput(3));

    // A location manager runs the shop, not the device: diagnostics are IT's.
    expect(await call('device.diagnostics')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await addItAccount(dataDir);
    await call('staff.signOut');
    await call('staff.signIn', { username: 'ivo', pin: '739164' });
    const answer = await call('device.diagnostics');
    expect(answer).toMatchObject({
      ok: true,
      result: {
        health: { appVersion: '2.0.0', queueDepth: 1, printer: { kind: 'none' } },
        config: { role: 'counter', location: { id: 'deventer' }, centralApiUrl: 'http://127.0.0.1:9/', hub: { port, locationKey: `hidden (fingerprint ${locationKeyFingerprint(locationKey)})` } },
        locationKeyFingerprint: locationKeyFingerprint(locationKey),
        dataDir,
        schemaVersion: latestVersion,
        runtime: { node: process.versions.node, electron: null },
      },
    });
    const text = JSON.stringify(answer);
    expect(text).not.toContain(locationKey);
    expect(text).not.toContain('proxy-secret');
    expect(text).not.toContain('Testbezoeker');
  });

  it('gives another key another fingerprint, short enough to read aloud', () => {
    const key = randomBytes(32).toString('base64url');
    expect(locationKeyFingerprint(key)).not.toBe(locationKeyFingerprint(randomBytes(32).toString('base64url')));
    expect(locationKeyFingerprint(key)).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}$/);
  });
});
