import { describe, expect, it } from 'vitest';
import { createActivityMonitor } from '../../../electron/core/updates/activity-monitor';
import { isPassiveChannel } from '../../../shared/contract/channels';
import { decideInstall } from '../../../electron/core/updates/install-gate';
import { defaultMaintenanceWindow } from '../../../shared/updates/update-channel';

const night = new Date('2026-01-15T02:00:00Z'); // 03:00 in Amsterdam
const day = new Date('2026-01-15T10:00:00Z');
const base = { window: defaultMaintenanceWindow, timeZone: 'Europe/Amsterdam', staffRequested: false };

describe('when a downloaded update may install', () => {
  it('installs at night when nobody is using the device', () => {
    expect(decideInstall({ ...base, now: night, quiet: true })).toEqual({ install: true, because: 'window' });
  });

  it('waits for the visitor at night', () => {
    expect(decideInstall({ ...base, now: night, quiet: false })).toEqual({ install: false, waitingFor: 'visitor-activity' });
  });

  it('waits for the night during the day, even when the device is idle', () => {
    expect(decideInstall({ ...base, now: day, quiet: true })).toEqual({ install: false, waitingFor: 'outside-window' });
    expect(decideInstall({ ...base, now: day, quiet: false })).toEqual({ install: false, waitingFor: 'outside-window' });
  });

  it('installs at any hour when staff ask for it', () => {
    expect(decideInstall({ ...base, now: day, quiet: false, staffRequested: true })).toEqual({ install: true, because: 'staff' });
  });
});

describe('visitor and ticket activity', () => {
  const quietMs = 10 * 60_000;

  it('is quiet on a fresh start and busy right after a tap', () => {
    const activity = createActivityMonitor(quietMs);
    expect(activity.isQuiet(night)).toBe(true);
    activity.touch(night);
    expect(activity.isQuiet(night)).toBe(false);
    expect(activity.isQuiet(new Date(night.getTime() + quietMs - 1))).toBe(false);
    expect(activity.isQuiet(new Date(night.getTime() + quietMs))).toBe(true);
  });

  it('does not go backwards when an older timestamp arrives late', () => {
    const activity = createActivityMonitor(quietMs);
    activity.touch(night);
    activity.touch(new Date(night.getTime() - quietMs));
    expect(activity.isQuiet(new Date(night.getTime() + quietMs - 1))).toBe(false);
  });

  it('counts what people do, not what screens poll', () => {
    for (const channel of ['app.info', 'updates.status', 'sync.status', 'app.reportError', 'queue.list', 'print.recent', 'print.job']) expect(isPassiveChannel(channel)).toBe(true);
    for (const channel of ['ticket.take', 'voucher.start', 'updates.installNow', 'content.page', 'queue.callNext', 'staff.touch', 'status.update']) expect(isPassiveChannel(channel)).toBe(false);
  });
});
