import type { DeviceRole } from '../../../shared/config/device-config';
import { openAccess, openToAnyone, refusalFor, staffNeeded, type ChannelAccess } from '../../../shared/contract/access';
import { channels, isChannelName, type ChannelName } from '../../../shared/contract/channels';
import type { BridgeError, BridgeResult } from '../../../shared/contract/errors';
import { formatIssues } from '../../../shared/validation/format-issues';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { StaffRole } from '../../../shared/staff/staff-role';
import type { CallContext, Handler, Handlers } from './handlers';

export type Dispatch = (channel: string, payload: unknown, ctx: CallContext) => Promise<BridgeResult>;

const fail = (error: BridgeError): BridgeResult => ({ ok: false, error });

/** What the dispatcher needs to know about the caller to enforce a channel's access rule. */
export interface AccessGate {
  deviceRole: DeviceRole;
  /** The role of the person signed in at this client, or null; asked only for channels that need staff. */
  staffRole(client: string): StaffRole | null;
}

export interface DispatchHooks {
  /** A call got past the access rule and its schema and reached its handler, whatever it answered. */
  onHandled?(channel: ChannelName): void;
}

/**
 * The single gate between a transport and the core: unknown channels, callers the channel's
 * access rule refuses, and invalid input are answered here, so no handler ever runs for a caller
 * it was not meant for or sees a payload its schema has not accepted. Without an access gate only
 * the channels anyone on any device may call answer: a core wired up wrongly fails closed.
 */
export function createDispatch(handlers: Handlers, logger: Logger, gate?: AccessGate, hooks: DispatchHooks = {}): Dispatch {
  return async (channel, payload, ctx) => {
    if (!isChannelName(channel)) {
      return fail({ code: 'unknown_channel', message: `There is no channel named "${channel.slice(0, 80)}".` });
    }
    const spec = channels[channel];
    const rule: ChannelAccess = spec.access ?? openAccess;
    if (gate || !openToAnyone(rule)) {
      const refusal = gate
        ? refusalFor(channel, rule, { deviceRole: gate.deviceRole, staffRole: staffNeeded(rule, gate.deviceRole) ? gate.staffRole(ctx.client) : null })
        : { code: 'forbidden' as const, message: `${channel} is not available: this core has no access gate.` };
      if (refusal) {
        logger.warn('call refused by access rule', { channel, code: refusal.code, transport: ctx.transport });
        return fail(refusal);
      }
    }
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      return fail({
        code: 'invalid_input',
        message: `The input for ${channel} is not valid.`,
        issues: formatIssues(parsed.error),
      });
    }
    const handler = handlers[channel] as Handler<ChannelName>;
    hooks.onHandled?.(channel);
    try {
      const result: unknown = await handler(parsed.data as never, ctx);
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        logger.error('core returned output that breaks the contract', { channel, issues: checked.error.issues.length });
        return fail({ code: 'internal', message: 'The app core gave an answer it should not give.' });
      }
      return { ok: true, result: checked.data };
    } catch (err) {
      if (err instanceof CoreError) return fail({ code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) });
      logger.error('unexpected error in core handler', {
        channel,
        transport: ctx.transport,
        error: err instanceof Error ? `${err.name}: ${err.message}` : typeof err,
      });
      return fail({ code: 'internal', message: 'Something went wrong inside the app. The problem has been logged.' });
    }
  };
}
