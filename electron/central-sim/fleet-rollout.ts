import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FleetChannelRollout, FleetDevice } from '../../shared/central-api/fleet';
import { UpdateChannel } from '../../shared/updates/update-channel';
import { channelFileNames, parseReleaseFile, ReleaseFileError, type ReleaseFile } from '../../shared/updates/release-file';

/** The channel's release in the update folder; null when there is none or it cannot be read (devices cannot read it either). */
export function readChannelRelease(updateDir: string | undefined, channel: UpdateChannel): ReleaseFile | null {
  if (!updateDir) return null;
  const file = join(updateDir, channelFileNames[channel]);
  if (!existsSync(file)) return null;
  try {
    return parseReleaseFile(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof ReleaseFileError) return null;
    throw err;
  }
}

/**
 * How far each channel's release has come, counted in shops (a shop updates as one, by its
 * location's rollout position): in the stage, updated, waiting, failed.
 */
export function channelRollouts(updateDir: string | undefined, devices: readonly FleetDevice[]): FleetChannelRollout[] {
  return UpdateChannel.options.map((channel) => {
    const release = readChannelRelease(updateDir, channel);
    const shops = new Map<string, FleetDevice[]>();
    for (const device of devices) {
      if (device.channel !== channel) continue;
      shops.set(device.locationId, [...(shops.get(device.locationId) ?? []), device]);
    }
    const pct = release?.stagingPercentage ?? null;
    let shopsInStage = 0;
    let shopsUpdated = 0;
    let shopsFailed = 0;
    for (const shop of shops.values()) {
      const position = shop.find((d) => d.rolloutPosition !== null)?.rolloutPosition ?? null;
      if (!release || position === null || (pct !== null && position >= pct)) continue;
      shopsInStage++;
      if (shop.every((d) => d.appVersion === release.version)) shopsUpdated++;
      else if (shop.some((d) => d.updateState === 'failed')) shopsFailed++;
    }
    return {
      channel,
      version: release?.version ?? null,
      stagingPercentage: pct,
      shops: shops.size,
      shopsInStage,
      shopsUpdated,
      shopsWaiting: shopsInStage - shopsUpdated - shopsFailed,
      shopsFailed,
    };
  });
}
