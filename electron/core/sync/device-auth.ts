import type { Database } from 'better-sqlite3';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Logger } from '../log/logger';
import { readMeta, writeMeta } from '../store/meta';
import type { CentralClient } from './central-client';
import type { SyncAuth } from './sync-worker';

const tokenContext = 'meta.device_token';

export interface DeviceAuthOptions {
  db: Database;
  cipher: FieldCipher;
  client: CentralClient;
  config: Pick<DeviceConfig, 'location' | 'role'>;
  appVersion: string;
  logger: Logger;
  /** A one-time enrollment code, when one is available (IT's provisioning file, or the demo simulator). */
  enrollmentCode: () => Promise<string | null>;
}

/**
 * The device token: obtained once by enrolling with a one-time code, kept sealed in the database,
 * renewed by enrolling again when the API refuses it (a revoked device needs a new code from IT).
 */
export function createDeviceAuth(options: DeviceAuthOptions): SyncAuth {
  const { db, cipher, logger } = options;
  const sealed = readMeta(db, 'device_token');
  let token = sealed === null ? null : cipher.open(sealed, tokenContext);
  let renewing: Promise<boolean> | null = null;

  async function enroll(): Promise<boolean> {
    const code = await options.enrollmentCode();
    if (!code) {
      logger.warn('this device has no valid token and no enrollment code: ask IT for a one-time code');
      return false;
    }
    const role = options.config.role;
    // The fleet console signs in with IT's own credentials; it is never a device of the fleet.
    if (role === 'fleet') return false;
    const result = await options.client.enroll({ enrollmentCode: code, locationId: options.config.location.id, role, appVersion: options.appVersion });
    if ('error' in result) {
      logger.warn('enrollment failed', { reason: result.error });
      return false;
    }
    writeMeta(db, 'device_token', cipher.seal(result.deviceToken, tokenContext));
    writeMeta(db, 'device_id', result.deviceId);
    token = result.deviceToken;
    logger.info('device enrolled with the central API', { deviceId: result.deviceId });
    return true;
  }

  return {
    token: () => token,
    renew: () => {
      // Several requests can hit a 401 at once: they share one enrollment.
      renewing ??= enroll().finally(() => (renewing = null));
      return renewing;
    },
  };
}
