import type { BridgeErrorCode } from '../../shared/contract/errors';

/** A failure the core expects and can explain; the dispatcher passes code and message to the caller. */
export class CoreError extends Error {
  constructor(
    readonly code: Exclude<BridgeErrorCode, 'invalid_input' | 'unknown_channel' | 'unauthorized'>,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
