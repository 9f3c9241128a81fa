import type { Heartbeat } from '../../../shared/central-api/devices';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { DeviceDiagnostics } from '../../../shared/contract/device-channels';
import { redactedConfig } from './redacted-config';

export interface DiagnosticsDeps {
  config: DeviceConfig;
  dataDir: string;
  /** The same facts the heartbeat sends, built now. */
  health: () => Promise<Heartbeat>;
  /** Null when the device database could not be opened. */
  schemaVersion: () => number | null;
}

export function createDiagnostics(deps: DiagnosticsDeps): () => Promise<DeviceDiagnostics> {
  return async () => {
    const { config, fingerprint } = redactedConfig(deps.config);
    return {
      health: await deps.health(),
      // Through JSON so optional keys left undefined disappear, as they would in the file.
      config: JSON.parse(JSON.stringify(config)) as DeviceDiagnostics['config'],
      locationKeyFingerprint: fingerprint,
      dataDir: deps.dataDir,
      schemaVersion: deps.schemaVersion(),
      runtime: { node: process.versions.node, electron: process.versions.electron ?? null, platform: `${process.platform} ${process.arch}` },
    };
  };
}
