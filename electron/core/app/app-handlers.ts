import type { DeviceConfig } from '../../../shared/config/device-config';
import type { appChannels } from '../../../shared/contract/app-channels';
import type { ContentManifest } from '../../../shared/contract/content-manifest';
import type { HandlersFor } from '../bridge/handlers';
import { errorShape } from '../log/redact';
import type { Logger } from '../log/logger';

export const productName = 'Loopbaanwinkel Kiosk';

export interface AppHandlerDeps {
  config: DeviceConfig;
  appVersion: string;
  shell: 'electron' | 'browser';
  content: () => ContentManifest | null;
  logger: Logger;
  now: () => Date;
}

export function createAppHandlers(deps: AppHandlerDeps): HandlersFor<typeof appChannels> {
  const { config, logger } = deps;
  return {
    'app.info': () => {
      const content = deps.content();
      return {
        productName,
        appVersion: deps.appVersion,
        role: config.role,
        mode: config.mode,
        demo: config.demo,
        location: config.location,
        region: config.region,
        defaultLanguage: config.defaultLanguage,
        theme: config.theme ?? null,
        idleSeconds: config.idleSeconds,
        content: content && { version: content.version, createdAt: content.createdAt },
        shell: deps.shell,
      };
    },
    'app.now': () => ({ now: deps.now().toISOString() }),
    'app.reportError': (input) => {
      logger.warn('renderer reported an error', { screen: input.screen, message: errorShape(input.message) });
      return { logged: true };
    },
  };
}
