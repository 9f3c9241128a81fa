import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { deviceDatabaseName } from '../../electron/core/store/open-device-store';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../shared/config/device-config';
import { resourcesDir, tempDir } from '../support/paths';
import { buildRequestsCapability } from '../support/requests-capability';
import { samplePack, voucherInput } from '../support/voucher-input';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

const location = { id: 'zwolle-centrum', name: 'Zwolle' };
function core(config: Partial<DeviceConfigInput> & Pick<DeviceConfigInput, 'role'>, dataDir = tempDir('composition'), now?: () => Date): Core {
  const built = createCore({ config: DeviceConfigSchema.parse({ location, region: 'regio-zwolle', ...config }), appVersion: '1.0.0', resourcesDir, dataDir, shell: 'browser', logger: silentLogger, now });
  cores.push(built);
  return built;
}
const t = { transport: 'test', client: 'test' } as const;

describe('the core is built from the modules its role needs', () => {
  it('a kiosk of a shop with a hub links to the hub and has no desk, staff, hub server or central API enrollment', () => {
    const kiosk = core({ role: 'kiosk', ticketPrefix: 'K', hub: { url: 'https://127.0.0.1:9', locationKey: 'k'.repeat(43) } });
    expect(kiosk.modules).toEqual(['store', 'outbox', 'content', 'speech', 'eligibility', 'invitations', 'printing', 'self-scan', 'referral', 'hub-link', 'sync', 'requests', 'hub-heartbeat', 'tickets', 'appointments', 'feedback', 'statistics', 'updates', 'device', 'app']);
  });

  it('an outpost kiosk books through the central API and has no tickets, hub or desk', () => {
    const outpost = core({ role: 'kiosk', mode: 'outpost', centralApiUrl: 'http://127.0.0.1:9/v1' });
    expect(outpost.modules).toEqual(['store', 'outbox', 'enrollment', 'content', 'speech', 'eligibility', 'invitations', 'printing', 'self-scan', 'referral', 'sync', 'requests', 'appointments', 'feedback', 'statistics', 'updates', 'heartbeat', 'device', 'app']);
  });

  it('a counter or kiosk configured as an outpost with a hub does not start', () => {
    expect(DeviceConfigSchema.safeParse({ role: 'counter', mode: 'outpost', location, region: 'regio-zwolle', centralApiUrl: 'http://127.0.0.1:9/v1' }).success).toBe(false);
    expect(DeviceConfigSchema.safeParse({ role: 'kiosk', mode: 'outpost', location, region: 'regio-zwolle', hub: { url: 'https://127.0.0.1:9', locationKey: 'k'.repeat(43) } }).success).toBe(false);
  });

  it('a counter with a central API enrolls, sends heartbeats, and runs staff, the desk and the hub server', () => {
    const counter = core({ role: 'counter', centralApiUrl: 'http://127.0.0.1:9/v1' });
    expect(counter.modules).toEqual(['store', 'outbox', 'enrollment', 'content', 'eligibility', 'invitations', 'printing', 'self-scan', 'referral', 'sync', 'requests', 'tickets', 'staff', 'appointments', 'hub-server', 'desk', 'feedback', 'statistics', 'updates', 'heartbeat', 'device', 'app']);
  });

  it('the fleet console has no database, outbox, printer or desk: only the fleet from the central API, its own updates and app info', () => {
    const fleet = core({ role: 'fleet', fleet: { credentialsFile: join(tempDir('composition-fleet'), 'it-account.json') } });
    expect(fleet.modules).toEqual(['content', 'fleet', 'updates', 'app']);
  });

  it('with the database unreadable, only what needs no database is built, and the desk says why it cannot work', async () => {
    const dataDir = tempDir('composition-broken');
    writeFileSync(join(dataDir, deviceDatabaseName), 'this is not a SQLite database, it is a text file of exactly this length...');
    const counter = core({ role: 'counter' }, dataDir);
    expect(counter.modules).toEqual(['store', 'content', 'eligibility', 'invitations', 'printing', 'self-scan', 'referral', 'updates', 'device', 'app']);
    for (const [channel, input] of [['staff.session', {}], ['staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' }]] as const) {
      const answer = await counter.dispatch(channel, input, t);
      expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(!answer.ok && answer.error.message).toMatch(/database/i);
    }
    // Browsing still works.
    expect((await counter.dispatch('app.info', {}, t)).ok).toBe(true);
  });
});

describe('activity that holds back an update', () => {
  it('counts a visitor taking a ticket, not a screen polling and not a call the core refused', async () => {
    // The core's clock stands still: a call it counts makes the device busy at that very moment.
    const at = new Date('2026-11-24T09:00:00.000Z');
    const kiosk = core({ role: 'kiosk' }, tempDir('composition'), () => at);
    expect(kiosk.activity.isQuiet(at)).toBe(true);
    for (const channel of ['app.info', 'sync.status', 'printer.status', 'device.status', 'updates.status']) {
      expect((await kiosk.dispatch(channel, {}, t)).ok).toBe(true);
    }
    // Refused before any handler ran: a desk channel on a kiosk, an unknown channel, garbage input.
    expect((await kiosk.dispatch('queue.callNext', {}, t)).ok).toBe(false);
    expect((await kiosk.dispatch('no.such', {}, t)).ok).toBe(false);
    expect((await kiosk.dispatch('ticket.take', { topic: 42 }, t)).ok).toBe(false);
    expect(kiosk.activity.isQuiet(at)).toBe(true);
    expect((await kiosk.dispatch('ticket.take', { topic: 'voucher' }, t)).ok).toBe(true);
    expect(kiosk.activity.isQuiet(at)).toBe(false);
  });
});

describe('one capability with its real dependencies and nothing else', () => {
  it('voucher requests need only the store, the outbox and sync, and commit the request with its outbox row', async () => {
    const dataDir = tempDir('requests-only');
    const requests = buildRequestsCapability({ dataDir, config: DeviceConfigSchema.parse({ role: 'kiosk', location, region: 'regio-zwolle' }), pack: samplePack });
    expect(requests.modules).toEqual(['store', 'outbox', 'sync', 'requests']);
    const started = await requests.handlers['voucher.start'](voucherInput(3), t);
    expect(await requests.handlers['sync.status']({}, t)).toMatchObject({ queued: 1, inFlight: 0 });
    await requests.close();
    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(db.prepare('SELECT reference FROM voucher_requests').all()).toEqual([{ reference: started.reference }]);
    expect(db.prepare(`SELECT kind FROM outbox WHERE status = 'pending'`).all()).toEqual([{ kind: 'voucher-request.submit' }]);
    db.close();
  });
});
