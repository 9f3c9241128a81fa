import type { BridgeErrorCode } from '../../shared/contract/errors';
import type { FieldIssue } from '../../shared/validation/format-issues';

/**
 * A failure the core expects and can explain; the dispatcher passes code, message and issues to the
 * caller. `invalid_input` with issues is for input the schema accepts but the core's own rules refuse
 * (answers that leave the eligibility check open): the form marks the fields the issues name.
 */
export class CoreError extends Error {
  constructor(
    readonly code: Exclude<BridgeErrorCode, 'unknown_channel' | 'unauthorized'>,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
