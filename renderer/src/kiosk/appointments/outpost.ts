import type { AppInfo } from '../../../../shared/contract/app-info';
import type { Route } from '../navigation/routes';

/** An outpost kiosk (a library, a community centre) has no desk and nobody on duty. */
export const isOutpost = (info: AppInfo): boolean => info.mode === 'outpost';

/**
 * Where "talk to someone" leads: a number for the desk in a shop; from an outpost, where there is
 * no desk to wait for, an appointment at one of the region's staffed shops.
 */
export function talkRoute(info: AppInfo): Route {
  return isOutpost(info) ? { screen: 'appointment', step: 'topic' } : { screen: 'ticket', step: 'topic' };
}
