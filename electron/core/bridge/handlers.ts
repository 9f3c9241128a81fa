import type { ChannelName, ChannelOutput, ParsedInput } from '../../../shared/contract/channels';

export interface CallContext {
  /** Which shell carried the call; handlers never need to know, the log does. */
  transport: 'ipc' | 'http' | 'test';
  /**
   * Which client made the call: one browser session (its cookie) or one Electron window. A desk
   * sign-in belongs to the client that signed in, so the access gate asks about this client only.
   */
  client: string;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel; the type makes a missing one a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of one capability's channel group, e.g. HandlersFor<typeof appChannels>. */
export type HandlersFor<G> = { [C in keyof G & ChannelName]: Handler<C> };
