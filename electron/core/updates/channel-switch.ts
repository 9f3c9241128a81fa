import type { UpdateChannel } from '../../../shared/updates/update-channel';

const stability: Record<UpdateChannel, number> = { stable: 0, pilot: 1, beta: 2 };

/** The file name electron-updater reads on the update server: latest.yml, pilot.yml, beta.yml. */
export function feedChannel(channel: UpdateChannel): string {
  return channel === 'stable' ? 'latest' : channel;
}

export interface UpdaterSettings {
  channel: string;
  /**
   * Only when IT moves a device to a steadier channel: the steadier release is usually an older
   * version, and taking it is the point ("pin the channel" is one of the two ways to roll back).
   * Otherwise off, so a stale or misplaced release file cannot walk the fleet backwards.
   */
  allowDowngrade: boolean;
  allowPrerelease: false;
}

/**
 * `installedFrom` is the channel the running version came from (remembered in the data dir), or
 * null on a fresh install.
 */
export function updaterSettings(channel: UpdateChannel, installedFrom: UpdateChannel | null): UpdaterSettings {
  return {
    channel: feedChannel(channel),
    allowDowngrade: installedFrom !== null && stability[channel] < stability[installedFrom],
    allowPrerelease: false,
  };
}
