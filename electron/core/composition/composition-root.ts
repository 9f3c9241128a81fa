import type { ChannelName } from '../../../shared/contract/channels';
import { channelNames } from '../../../shared/contract/channels';
import type { Handler, Handlers } from '../bridge/handlers';
import type { Logger } from '../log/logger';
import type { Capability, ChannelHandlers } from './capability';

export interface Composition {
  /** Takes a built module into the core: its channels join the others, it starts after the ones added before it and closes before them. */
  add<M extends Capability>(module: M): M;
  /** Every channel's handler; a channel no module answers gets `missing(channel)`. */
  handlers(missing: (channel: ChannelName) => Handler<ChannelName>): Handlers;
  /** The modules' names in the order they were added. */
  names(): string[];
  start(): void;
  close(): Promise<void>;
}

/**
 * The list the core is built from (the shape of VS Code's services-then-channels start and of a
 * module runner): modules are added in dependency order, started in that order and closed in
 * reverse. A channel claimed by two modules is a wiring mistake and stops the build at once.
 */
export function createComposition(logger: Logger): Composition {
  const modules: Capability[] = [];
  const answered: ChannelHandlers = {};
  const owner = new Map<string, string>();
  let closing: Promise<void> | null = null;

  // Every module is closed, started or not: a store opened while building holds a file handle.
  const closeAll = (): Promise<void> =>
    (closing ??= (async () => {
      for (const module of [...modules].reverse()) {
        try {
          await module.close?.();
        } catch (err) {
          logger.error('a module did not close cleanly; closing the others', { module: module.name, error: err instanceof Error ? err.message : 'unknown' });
        }
      }
    })());

  return {
    add(module) {
      for (const [channel, handler] of Object.entries(module.handlers ?? {}) as [ChannelName, Handler<ChannelName>][]) {
        const first = owner.get(channel);
        if (first) throw new Error(`channel ${channel} is answered by both ${first} and ${module.name}`);
        owner.set(channel, module.name);
        answered[channel] = handler;
      }
      modules.push(module);
      return module;
    },
    handlers(missing) {
      return Object.fromEntries(channelNames.map((channel) => [channel, answered[channel] ?? missing(channel)])) as Handlers;
    },
    names: () => modules.map((m) => m.name),
    start() {
      for (const module of modules) {
        try {
          module.start?.();
        } catch (err) {
          // Whatever started before the failure is stopped again: no timer outlives a core that never ran.
          void closeAll();
          throw err;
        }
      }
    },
    close: closeAll,
  };
}
