import type { ChannelName } from '../../../shared/contract/channels';
import type { Handler, Handlers } from '../bridge/handlers';

/**
 * One capability of the core as the composition root sees it: the channels it answers, and what
 * it does when the core starts and stops. A module's factory takes what it needs as typed
 * arguments (the modules built before it) and returns this plus its own interface for the modules
 * after it; nothing reaches a module except through that call.
 */
export interface Capability {
  /** Its name in the start and close order and in the log. */
  readonly name: string;
  readonly handlers?: Partial<Handlers>;
  /** Timers, listeners, servers: everything that runs by itself starts here, never in the factory. */
  start?(): void;
  close?(): void | Promise<void>;
}

export type ChannelHandlers = Partial<Record<ChannelName, Handler<ChannelName>>>;
