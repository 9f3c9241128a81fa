import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { createHubClient } from '../../../electron/core/hub/hub-client';
import { hubIdentity, hubPsk } from '../../../electron/core/hub/hub-psk';
import { openDeviceLog } from '../../../electron/core/log/device-log';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../../shared/config/device-config';
import type { SubjectRecord } from '../../../shared/contract/desk-channels';
import { SyncStatus } from '../../../shared/contract/sync-channels';
import { freePort } from '../../support/free-port';
import { leftovers, plainSecrets, sealedSecrets } from '../../support/leftovers';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync } from '../../support/sync-rig';
import { until } from '../../support/until';
import { voucherInput } from '../../support/voucher-input';

const location = { id: 'zwolle-centrum', name: 'Zwolle' };
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

/** A real core with its log in the real log files of its data dir, as the shells write them. */
async function device(config: DeviceConfigInput, extra: { hubHeartbeat?: { firstAfterMs: number; everyMs: number } } = {}) {
  const dataDir = tempDir(config.role);
  const log = openDeviceLog(dataDir, () => undefined, { shell: 'browser' });
  const core: Core = createCore({ config: DeviceConfigSchema.parse({ demo: true, ...config }), appVersion: '1.4.0', resourcesDir, dataDir, shell: 'browser', logger: log.logger, syncTuning: { ...fastSync, requestTimeoutMs: 2000 }, ...extra });
  const handle = { close: async () => { await core.close(); log.close(); } };
  running.push(handle);
  const call = async (channel: string, input: unknown = {}): Promise<Record<string, unknown>> => {
    const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
  const stop = async () => {
    running.splice(running.indexOf(handle), 1);
    await handle.close();
  };
  return { core, dataDir, call, stop, db: join(dataDir, deviceDatabaseName) };
}

async function locationWithKiosk() {
  const locationKey = randomBytes(32).toString('base64url');
  const port = await freePort();
  const counter = await device({ role: 'counter', location, region: 'regio-zwolle', hub: { listenHost: '127.0.0.1', port, locationKey } });
  await counter.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  await until(async () => Boolean((await counter.call('hub.status')).listening), 5000, 'the hub listening');
  // The kiosk's heartbeat is sent by the test, so the order's hand-over is seen step by step.
  const kiosk = await device(
    { role: 'kiosk', location, region: 'regio-zwolle', ticketPrefix: 'B', printer: { type: 'tcp', host: '127.0.0.1', port: await freePort(), connectTimeoutMs: 300 }, hub: { url: `https://127.0.0.1:${port}`, locationKey } },
    { hubHeartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 } },
  );
  // A new kiosk waits at the hub until a location manager approves it.
  await kiosk.core.hubHeartbeat?.sendNow();
  const [waiting] = ((await counter.call('hub.status')).kiosks as { identity: string; candidate: { install: string } | null }[]).filter((k) => k.candidate !== null);
  await counter.call('hub.approve', { identity: waiting?.identity, install: waiting?.candidate?.install });
  return { counter, kiosk, port, locationKey };
}

describe('an erase at the counter reaches the kiosk the request came from', () => {
  it('erases the kiosk\'s copy through the hub, says "waiting for the kiosk" until it confirms, and leaves no personal value on either device', async () => {
    const { counter, kiosk } = await locationWithKiosk();
    const input = voucherInput(23);
    const started = await kiosk.call('voucher.start', input);
    const id = String(started.id);
    const reference = String(started.reference);
    await until(async () => {
      const s = SyncStatus.parse(await kiosk.call('sync.status'));
      return s.queued === 0 && s.inFlight === 0 && s.lastSuccessAt !== null;
    }, 10_000, 'the request at the hub');

    const plain = plainSecrets(input.contact);
    const onKiosk = [...plain, ...sealedSecrets(kiosk.db, id)];
    const onCounter = [...plain, ...sealedSecrets(counter.db, id)];
    expect(onKiosk.map((s) => s.what)).toEqual(expect.arrayContaining(['sealed contact', 'sealed voucher-request.submit payload']));
    expect(onCounter.map((s) => s.what)).toEqual(expect.arrayContaining(['sealed contact', 'sealed voucher-request.submit payload']));

    const erased = (await counter.call('privacy.erase', { reference, reason: 'Verzoek van de bezoeker' })) as unknown as SubjectRecord;
    expect(erased.personalDataErased).toBe(false);
    expect(erased.kioskCopy).toMatchObject({ kiosk: `${location.id}/B`, eraseOrderedAt: expect.any(String), erasedAt: null });
    expect(leftovers(counter.dataDir, onCounter)).toEqual([]);
    // Evidence the kiosk still held its copy until it heard of the order.
    expect(leftovers(kiosk.dataDir, onKiosk).length).toBeGreaterThan(0);

    expect(await kiosk.core.hubHeartbeat?.sendNow()).toBe(true);
    expect(leftovers(kiosk.dataDir, onKiosk)).toEqual([]);
    const confirmed = (await counter.call('privacy.find', { reference })) as unknown as SubjectRecord;
    expect(confirmed.personalDataErased).toBe(true);
    expect(confirmed.kioskCopy?.erasedAt).not.toBeNull();
    expect(confirmed.trail.map((s) => s.action)).toEqual(expect.arrayContaining(['privacy.erased', 'privacy.erased-at-kiosk']));

    // The order is closed: a later heartbeat hands nothing over and erases nothing more.
    expect(await kiosk.core.hubHeartbeat?.sendNow()).toBe(true);
    await kiosk.stop();
    await counter.stop();
    expect(leftovers(kiosk.dataDir, onKiosk)).toEqual([]);
    expect(leftovers(counter.dataDir, onCounter)).toEqual([]);
  });

  it('keeps the order open when another device of the location claims it erased the copy', async () => {
    const { counter, kiosk, port, locationKey } = await locationWithKiosk();
    const started = await kiosk.call('voucher.start', voucherInput(24));
    await until(async () => SyncStatus.parse(await kiosk.call('sync.status')).lastSuccessAt !== null, 10_000, 'the request at the hub');
    await counter.call('privacy.erase', { reference: started.reference, reason: 'Verzoek van de bezoeker' });

    // A key holder of the location under another letter: the hub does not let it close the order.
    const other = createHubClient({
      url: `https://127.0.0.1:${port}`,
      psk: hubPsk(locationKey, location.id),
      identity: hubIdentity(location.id, 'C', 'otherinstall0000'),
      appVersion: '1.4.0',
      requestTimeoutMs: 2000,
      now: () => new Date('2026-11-24T09:00:00.000Z'),
    });
    await other.confirmErased([String(started.id)]);
    const record = (await counter.call('privacy.find', { reference: started.reference })) as unknown as SubjectRecord;
    expect(record.personalDataErased).toBe(false);
    expect(record.kioskCopy).toMatchObject({ kiosk: `${location.id}/B`, erasedAt: null });
  });
});
