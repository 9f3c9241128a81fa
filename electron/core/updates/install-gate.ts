import type { MaintenanceWindow } from '../../../shared/updates/update-channel';
import type { InstallBlocker } from '../../../shared/updates/update-status';
import { isInMaintenanceWindow } from './maintenance-window';

export interface InstallContext {
  now: Date;
  window: MaintenanceWindow;
  timeZone: string | undefined;
  /** No open visitor session and no visitor or ticket activity for the quiet period. */
  quiet: boolean;
  /** Staff pressed "install now" on the counter: they have checked nobody is waiting. */
  staffRequested: boolean;
}

export type InstallDecision = { install: true; because: 'staff' | 'window' } | { install: false; waitingFor: InstallBlocker };

/** A downloaded update restarts the app only when that cannot interrupt anyone. */
export function decideInstall(ctx: InstallContext): InstallDecision {
  if (ctx.staffRequested) return { install: true, because: 'staff' };
  if (!isInMaintenanceWindow(ctx.now, ctx.window, ctx.timeZone)) return { install: false, waitingFor: 'outside-window' };
  if (!ctx.quiet) return { install: false, waitingFor: 'visitor-activity' };
  return { install: true, because: 'window' };
}
