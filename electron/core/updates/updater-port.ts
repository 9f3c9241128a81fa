import type { UpdaterSettings } from './channel-switch';

/** What electron-updater tells us, reduced to what the policy needs. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number; bytesPerSecond: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/**
 * The seam between the pure policy and electron-updater (electron/shell/main/updater-adapter.ts).
 * The adapter downloads in the background by itself; it installs only when install() is called.
 */
export interface UpdaterPort {
  configure(settings: UpdaterSettings & { url: string; isWithinRollout: (stagingPercentage: unknown) => boolean }): void;
  check(): Promise<void>;
  install(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}
