import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { clockWithNow } from '../../../electron/core/clock/clock';
import { createActivityMonitor } from '../../../electron/core/updates/activity-monitor';
import { createUpdateService, failureReason } from '../../../electron/core/updates/update-service';
import type { UpdaterEvent, UpdaterPort } from '../../../electron/core/updates/updater-port';
import { silentLogger } from '../../../electron/core/log/logger';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../../shared/config/device-config';
import { UpdateStatusSchema } from '../../../shared/updates/update-status';
import { resourcesDir, tempDir } from '../../support/paths';

/** electron-updater cannot load without Electron: this stand-in records what the policy asks of it. */
function recordingUpdater() {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  const port = {
    configured: [] as Parameters<UpdaterPort['configure']>[0][],
    checks: 0,
    installs: 0,
    checkError: null as Error | null,
    configure(settings: Parameters<UpdaterPort['configure']>[0]) {
      port.configured.push(settings);
    },
    async check() {
      port.checks += 1;
      if (port.checkError) throw port.checkError;
    },
    install() {
      port.installs += 1;
    },
    onEvent(l: (event: UpdaterEvent) => void) {
      listener = l;
    },
    emit: (event: UpdaterEvent) => listener(event),
  };
  return port;
}

function settingsOf(updater: ReturnType<typeof recordingUpdater>): Parameters<UpdaterPort['configure']>[0] {
  const settings = updater.configured[0];
  if (!settings) throw new Error('the updater was never configured');
  return settings;
}

const night = new Date('2026-01-15T02:00:00Z');
const day = new Date('2026-01-15T10:00:00Z');

function setup(overrides: Partial<DeviceConfigInput> = {}, dataDir = tempDir('updates')) {
  const config = DeviceConfigSchema.parse({
    role: 'counter',
    location: { id: 'zwolle-centrum', name: 'Zwolle' },
    region: 'regio-zwolle',
    updateUrl: 'https://updates.example.nl/kiosk',
    timeZone: 'Europe/Amsterdam',
    ...overrides,
  });
  const updater = recordingUpdater();
  const activity = createActivityMonitor(10 * 60_000);
  // A daytime clock: the service's own decisions (on download, on "install now") must not depend on the hour the suite runs.
  const service = createUpdateService({ config, appVersion: '1.2.0', dataDir, logger: silentLogger, activity, updater, clock: clockWithNow(() => day) });
  return { config, updater, activity, service, dataDir };
}

describe('the update service', () => {
  it('points electron-updater at the device\'s server, channel and the location\'s rollout ring', () => {
    const { updater } = setup({ updateChannel: 'pilot' });
    const settings = settingsOf(updater);
    expect(settings).toMatchObject({ url: 'https://updates.example.nl/kiosk', channel: 'pilot', allowDowngrade: false });
    expect(settings.isWithinRollout(100)).toBe(true);
    expect(settings.isWithinRollout(0)).toBe(false);
  });

  it('reports checking, download progress and a ready update, always within the contract', async () => {
    const { updater, service } = setup();
    await service.check();
    expect(updater.checks).toBe(1);
    updater.emit({ type: 'checking' });
    expect(service.status().state).toEqual({ phase: 'checking' });
    updater.emit({ type: 'available', version: '1.3.0' });
    updater.emit({ type: 'progress', percent: 42.5, bytesPerSecond: 1000 });
    expect(service.status().state).toEqual({ phase: 'downloading', version: '1.3.0', percent: 42.5, bytesPerSecond: 1000 });
    expect(UpdateStatusSchema.safeParse(service.status()).success).toBe(true);
    updater.emit({ type: 'downloaded', version: '1.3.0' });
    const status = service.status();
    expect(status).toMatchObject({ currentVersion: '1.2.0', channel: 'stable', state: { phase: 'ready', version: '1.3.0' } });
    expect(status.lastCheckedAt).not.toBeNull();
    expect(UpdateStatusSchema.safeParse(status).success).toBe(true);
  });

  it('keeps a downloaded update waiting through the day and installs it in the quiet night', () => {
    const { updater, service, activity } = setup();
    updater.emit({ type: 'downloaded', version: '1.3.0' });
    expect(service.decide(day)).toBe(false);
    expect(service.status().state).toEqual({ phase: 'ready', version: '1.3.0', waitingFor: 'outside-window' });
    activity.touch(new Date(night.getTime() - 60_000));
    expect(service.decide(night)).toBe(false);
    expect(service.status().state).toEqual({ phase: 'ready', version: '1.3.0', waitingFor: 'visitor-activity' });
    expect(updater.installs).toBe(0);
    expect(service.decide(new Date(night.getTime() + 10 * 60_000))).toBe(true);
    expect(updater.installs).toBe(1);
    expect(service.status().state).toEqual({ phase: 'installing', version: '1.3.0' });
  });

  it('installs at once when staff press "install now", and refuses when nothing is downloaded', () => {
    const { updater, service } = setup();
    expect(() => service.installNow()).toThrow(/No update has been downloaded/);
    updater.emit({ type: 'downloaded', version: '1.3.0' });
    expect(service.installNow()).toEqual({ installing: true, version: '1.3.0' });
    expect(updater.installs).toBe(1);
    expect(() => service.installNow()).toThrow(/already being installed/);
  });

  it('shows a failure with its reason, without query strings that may hold credentials', async () => {
    const { updater, service } = setup();
    updater.checkError = new Error('HttpError: 404 "https://updates.example.nl/kiosk/latest.yml?token=abc123"\nstack...');
    await service.check();
    expect(service.status().state).toEqual({ phase: 'failed', reason: 'HttpError: 404 "https://updates.example.nl/kiosk/latest.yml' });
    expect(failureReason('')).toBe('The update failed for an unknown reason.');
    expect(failureReason('x'.repeat(500))).toHaveLength(300);
  });

  it('allows a downgrade once after IT pins a pilot device back to stable, and not after', () => {
    const dataDir = tempDir('updates-pin');
    const pilot = setup({ updateChannel: 'pilot' }, dataDir);
    expect(settingsOf(pilot.updater).allowDowngrade).toBe(false);
    pilot.updater.emit({ type: 'downloaded', version: '1.4.0-pilot' });
    pilot.service.installNow();

    const pinned = setup({ updateChannel: 'stable' }, dataDir);
    expect(pinned.updater.configured[0]).toMatchObject({ channel: 'latest', allowDowngrade: true });
    pinned.updater.emit({ type: 'not-available' });
    expect(JSON.parse(readFileSync(join(dataDir, 'updates', 'channel.json'), 'utf8'))).toEqual({ installedFrom: 'stable' });

    const later = setup({ updateChannel: 'stable' }, dataDir);
    expect(settingsOf(later.updater).allowDowngrade).toBe(false);
  });

  it('starts afresh, without downgrading, when its channel memory is damaged', () => {
    const dataDir = tempDir('updates-bad');
    mkdirSync(join(dataDir, 'updates'));
    writeFileSync(join(dataDir, 'updates', 'channel.json'), '{"installedFrom":"nightly"');
    expect(settingsOf(setup({ updateChannel: 'stable' }, dataDir).updater).allowDowngrade).toBe(false);
  });

  it('is disabled, with a reason, without an update server or in the browser host', async () => {
    const { service, updater } = setup({ updateUrl: undefined });
    expect(service.status().state).toEqual({ phase: 'disabled', reason: expect.stringContaining('updateUrl') });
    await service.check();
    expect(updater.checks).toBe(0);
    const core = createCore({ config: DeviceConfigSchema.parse({ role: 'counter', location: { id: 'a', name: 'A' }, region: 'r' }), appVersion: '1.0.0', resourcesDir, dataDir: tempDir('core'), shell: 'browser', logger: silentLogger });
    await core.dispatch('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' }, { transport: 'test', client: 'test' });
    const status = await core.dispatch('updates.status', {}, { transport: 'test', client: 'test' });
    expect(status).toMatchObject({ ok: true, result: { state: { phase: 'disabled' }, currentVersion: '1.0.0' } });
    await core.close();
  });
});

describe('the updates channels', () => {
  it('let only the counter install now, and count visitor calls as activity', async () => {
    const config = DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'a', name: 'A' }, region: 'r' });
    const at = new Date('2026-11-24T09:00:00.000Z');
    const core = createCore({ config, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('core'), shell: 'electron', logger: silentLogger, now: () => at });
    const later = new Date(at.getTime() + 60 * 60_000);
    await core.dispatch('updates.status', {}, { transport: 'test', client: 'test' });
    expect(core.activity.isQuiet(at)).toBe(true);
    expect(await core.dispatch('updates.installNow', {}, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.activity.isQuiet(at)).toBe(false);
    expect(core.activity.isQuiet(later)).toBe(true);
    await core.close();
  });
});
