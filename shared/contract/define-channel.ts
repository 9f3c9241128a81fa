import type { z } from 'zod';
import type { ChannelAccess } from './access';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
  /** Who may call it, enforced by the core before the handler runs; absent means open to both device roles. */
  access?: ChannelAccess;
  /**
   * A screen asks this on its own (at start, or polling every few seconds), not a person acting:
   * it does not count as activity, so it never holds back an update or keeps a visit open.
   */
  passive?: true;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}
