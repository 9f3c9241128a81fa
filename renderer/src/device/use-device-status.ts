import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../../shared/contract/device-channels';
import type { Bridge } from '../bridge/bridge-client';

/** How often a screen asks whether the device is still enrolled: a revoked token shows within this time. */
export const deviceStatusEveryMs = 10_000;

/** The device's enrollment, polled; null until the first answer (and while the core cannot answer). */
export function useDeviceStatus(bridge: Bridge, everyMs = deviceStatusEveryMs): { status: DeviceStatus | null; refresh(next: DeviceStatus): void } {
  const [status, setStatus] = useState<DeviceStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      bridge.call('device.status', {}).then(
        (next) => live && setStatus(next),
        () => live && setStatus(null),
      );
    };
    load();
    const timer = setInterval(load, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge, everyMs]);
  return { status, refresh: setStatus };
}
