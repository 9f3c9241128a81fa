import type { FleetDevice } from '../central-api/fleet';
import type { FleetFilter } from '../contract/fleet-channels';

/** The table's filter, the same in the screen and in the core's CSV export: search matches location, region, device id and versions. */
export function matchesFleetFilter(device: FleetDevice, filter: FleetFilter): boolean {
  if (filter.region && device.region !== filter.region) return false;
  if (filter.location && device.locationId !== filter.location) return false;
  if (filter.version && device.appVersion !== filter.version) return false;
  if (filter.state && device.health !== filter.state) return false;
  const search = filter.search?.trim().toLowerCase();
  if (!search) return true;
  return [device.locationId, device.region ?? '', device.deviceId, device.appVersion ?? '', device.contentVersion ?? ''].some((field) => field.toLowerCase().includes(search));
}
