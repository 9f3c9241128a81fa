import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import { classifySqliteError } from './store-error';

/**
 * Runs a write a visitor is waiting on. When SQLite refuses it, the transaction has rolled back:
 * nothing was stored, so the visitor must not get a receipt, and gets a sentence instead of a crash.
 */
export function storeWrite<T>(logger: Logger, what: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    const problem = classifySqliteError(err);
    if (problem === null) throw err;
    logger.error('store write failed', { what, problem });
    throw new CoreError('unavailable', problem === 'disk-full' ? 'The device disk is full: nothing was stored. Ask staff for help.' : 'The device database cannot store this right now: nothing was stored. Ask staff for help.');
  }
}
