import type { AppInfo } from '../../../shared/contract/app-info';
import { createBridge } from './bridge-client';

/** The page's one bridge. */
export const bridge = createBridge();

/**
 * Asked while React, the screens and the locales are still being evaluated (main.tsx imports this
 * module first): the first screen needs nothing else from the core, and the answer travels meanwhile.
 */
export const firstInfo: Promise<AppInfo> = bridge.call('app.info', {});
// Handled where the app waits for it; this only keeps an early failure from being reported as unhandled first.
firstInfo.catch(() => undefined);
