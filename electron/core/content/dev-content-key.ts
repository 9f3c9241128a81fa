import type { TrustedContentKey } from '../../../shared/content/pack-signature';

/**
 * DEV ONLY. Signs the sample pack; its private half is scripts/dev-only-content-key/, outside
 * resources/ so it never ships. Only demo mode trusts it: a real device config lists real keys.
 */
export const devContentKey: TrustedContentKey = {
  id: 'dev-only-sample',
  publicKey: 'T6oOjZjKg2pAzZ2gxA8hgxVlwZ9Cv9QsHdBEcRhWpJA=',
};
