import type { Core } from '../../electron/core/app-core';

/** A step on a test core that must succeed: any refusal fails the test with the core's code and message. */
export function coreCall(core: Pick<Core, 'dispatch'>): (channel: string, input?: unknown) => Promise<Record<string, unknown>> {
  return async (channel, input = {}) => {
    const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
}
