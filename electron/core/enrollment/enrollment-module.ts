import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { DeviceStore } from '../store/open-device-store';
import { createCentralClient, type CentralClient } from '../sync/central-client';
import { createDeviceAuth } from '../sync/device-auth';
import { trackEnrollment, type TrackedAuth } from './enrollment-tracker';
import { offeredCode } from './offered-code';

export interface EnrollmentModule extends Capability {
  /** The central API as this device reaches it. */
  readonly client: CentralClient;
  /** The device token for every call to the central API (sync, content, heartbeat). */
  readonly auth: TrackedAuth;
  /** Tells a listener each time the device gets a token (first enrollment, or a new code after a revoke). */
  onEnrolled(listener: () => void): void;
}

function enrollmentCodeFile(dataDir: string): () => Promise<string | null> {
  const file = join(dataDir, 'enrollment-code');
  return async () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null);
}

/**
 * The device's standing with the central API: its token, sealed in the device database, and how
 * it gets one (a one-time code IT types at the counter or places in the data dir).
 */
export function createEnrollmentModule(deps: {
  store: DeviceStore;
  config: DeviceConfig & { centralApiUrl: string };
  appVersion: string;
  dataDir: string;
  logger: Logger;
  clock: Clock;
  enrollmentCode?: () => Promise<string | null>;
  requestTimeoutMs?: number;
  /** The sync worker's maxInFlight: as many connections to the API as it sends at once. */
  maxSockets?: number;
}): EnrollmentModule {
  const client = createCentralClient({ baseUrl: deps.config.centralApiUrl, requestTimeoutMs: deps.requestTimeoutMs ?? 15_000, now: () => deps.clock.now(), ...(deps.maxSockets === undefined ? {} : { maxSockets: deps.maxSockets }) });
  const codes = offeredCode(deps.enrollmentCode ?? enrollmentCodeFile(deps.dataDir));
  const listeners: (() => void)[] = [];
  const device = createDeviceAuth({ db: deps.store.db, cipher: deps.store.cipher, client, config: deps.config, appVersion: deps.appVersion, logger: deps.logger, enrollmentCode: codes.take });
  const auth = trackEnrollment(device, codes, () => listeners.forEach((listener) => listener()));
  return { name: 'enrollment', client, auth, onEnrolled: (listener) => void listeners.push(listener), close: () => client.close() };
}
