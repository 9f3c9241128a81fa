import { channels, isChannelName, type ChannelName } from '../../../shared/contract/channels';
import type { BridgeError, BridgeResult } from '../../../shared/contract/errors';
import { formatIssues } from '../../../shared/validation/format-issues';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { CallContext, Handler, Handlers } from './handlers';

export type Dispatch = (channel: string, payload: unknown, ctx: CallContext) => Promise<BridgeResult>;

const fail = (error: BridgeError): BridgeResult => ({ ok: false, error });

/**
 * The single gate between a transport and the core: unknown channels and invalid input are
 * answered here, so no handler ever sees a payload its schema has not accepted.
 */
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, payload, ctx) => {
    if (!isChannelName(channel)) {
      return fail({ code: 'unknown_channel', message: `There is no channel named "${channel.slice(0, 80)}".` });
    }
    const spec = channels[channel];
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      return fail({
        code: 'invalid_input',
        message: `The input for ${channel} is not valid.`,
        issues: formatIssues(parsed.error),
      });
    }
    const handler = handlers[channel] as Handler<ChannelName>;
    try {
      const result: unknown = await handler(parsed.data as never, ctx);
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        logger.error('core returned output that breaks the contract', { channel, issues: checked.error.issues.length });
        return fail({ code: 'internal', message: 'The app core gave an answer it should not give.' });
      }
      return { ok: true, result: checked.data };
    } catch (err) {
      if (err instanceof CoreError) return fail({ code: err.code, message: err.message });
      logger.error('unexpected error in core handler', {
        channel,
        transport: ctx.transport,
        error: err instanceof Error ? `${err.name}: ${err.message}` : typeof err,
      });
      return fail({ code: 'internal', message: 'Something went wrong inside the app. The problem has been logged.' });
    }
  };
}
