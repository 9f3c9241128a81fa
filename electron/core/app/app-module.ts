import type { appChannels } from '../../../shared/contract/app-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';
import { createAppHandlers, type AppHandlerDeps } from './app-handlers';

export interface AppModule extends Capability {
  readonly handlers: HandlersFor<typeof appChannels>;
}

/** What every screen asks first: which device this is, its location and settings, its content version. */
export function createAppModule(deps: AppHandlerDeps): AppModule {
  return { name: 'app', handlers: createAppHandlers(deps) };
}
