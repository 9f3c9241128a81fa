import { describe, expect, it } from 'vitest';
import { feedChannel, updaterSettings } from '../../../electron/core/updates/channel-switch';

describe('update channels', () => {
  it('reads latest.yml for stable and pilot.yml / beta.yml for the others', () => {
    expect(feedChannel('stable')).toBe('latest');
    expect(feedChannel('pilot')).toBe('pilot');
    expect(feedChannel('beta')).toBe('beta');
  });

  it('never downgrades a device that stays on its channel or moves to a newer one', () => {
    expect(updaterSettings('stable', null).allowDowngrade).toBe(false);
    expect(updaterSettings('stable', 'stable').allowDowngrade).toBe(false);
    expect(updaterSettings('pilot', 'stable').allowDowngrade).toBe(false);
    expect(updaterSettings('beta', 'pilot').allowDowngrade).toBe(false);
    expect(updaterSettings('beta', null).allowDowngrade).toBe(false);
  });

  it('lets a device pinned back to a steadier channel take that channel\'s older version', () => {
    expect(updaterSettings('stable', 'pilot')).toEqual({ channel: 'latest', allowDowngrade: true, allowPrerelease: false });
    expect(updaterSettings('stable', 'beta').allowDowngrade).toBe(true);
    expect(updaterSettings('pilot', 'beta')).toEqual({ channel: 'pilot', allowDowngrade: true, allowPrerelease: false });
  });
});
