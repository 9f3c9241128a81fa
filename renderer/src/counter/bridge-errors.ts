import { BridgeCallError } from '../bridge/bridge-client';

/** The i18n key under counter.errors for a failed call; the core's own message is never shown raw. */
export function errorKey(err: unknown): string {
  if (err instanceof BridgeCallError) return `counter.errors.${err.error.code}`;
  return 'counter.errors.internal';
}

export const isSignedOut = (err: unknown): boolean => err instanceof BridgeCallError && err.error.code === 'unauthorized';
