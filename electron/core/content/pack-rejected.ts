import type { FieldIssue } from '../../../shared/validation/format-issues';

/**
 * Why a pack was not installed. Each reason has its own code so IT can tell a broken download
 * (incomplete) from tampering (bad_signature) from an authoring mistake (schema, reference).
 */
export type PackRejectReason =
  | 'too_large'
  | 'incomplete'
  | 'signature_unreadable'
  | 'untrusted_key'
  | 'bad_signature'
  | 'not_json'
  | 'schema'
  | 'reference'
  | 'older_than_active'
  | 'load_failed';

export class PackRejected extends Error {
  constructor(
    readonly reason: PackRejectReason,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'PackRejected';
  }
}
