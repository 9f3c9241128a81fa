import type { BrowserWindow } from 'electron';
import type { Logger } from '../../core/log/logger';
import { appOrigin } from './app-protocol';
import { createCrashPolicy, type CrashPolicyOptions } from './crash-policy';

export const outOfOrderUrl = `${appOrigin}/out-of-order.html`;
export const appUrl = `${appOrigin}/index.html`;
/** The counter's waiting-room screen: the same bundle, told which screen to show. */
export const nowServingUrl = `${appUrl}?screen=now-serving`;

/** A renderer that hangs this long is treated as crashed. */
const unresponsiveGraceMs = 15_000;

/**
 * A crashed or hung screen reloads with backoff; when it keeps crashing, a calm "out of order,
 * please ask staff" page replaces the loop. The main process itself is restarted by the OS
 * supervisor (docs/deployment.md).
 */
export function recoverFromCrashes(window: BrowserWindow, logger: Logger, options: { pageUrl?: string; policy?: CrashPolicyOptions } = {}): void {
  const pageUrl = options.pageUrl ?? appUrl;
  const policy = createCrashPolicy(options.policy);
  const log = logger.child({ area: 'crash-recovery' });
  const contents = window.webContents;
  let pending: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;

  const schedule = (url: string, delayMs: number): void => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (!window.isDestroyed()) void window.loadURL(url);
    }, delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hangTimer);
    const decision = policy.onCrash(Date.now());
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode, crashesInWindow: decision.crashesInWindow, action: decision.action });
    if (decision.action === 'reload') {
      schedule(pageUrl, decision.delayMs);
      return;
    }
    void window.loadURL(outOfOrderUrl);
    schedule(pageUrl, decision.retryAfterMs);
  });

  window.on('unresponsive', () => {
    log.warn('renderer unresponsive');
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (!window.isDestroyed()) contents.forcefullyCrashRenderer();
    }, unresponsiveGraceMs);
  });
  window.on('responsive', () => clearTimeout(hangTimer));
  window.on('closed', () => {
    clearTimeout(pending);
    clearTimeout(hangTimer);
  });
}
