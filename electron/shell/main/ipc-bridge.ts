import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { BridgeResult } from '../../../shared/contract/errors';
import type { Dispatch } from '../../core/bridge/dispatch';
import { bridgeIpcChannel } from '../ipc-channel';
import { isAppUrl } from './app-protocol';

type IpcLike = Pick<IpcMain, 'handle'>;

/** Only frames loaded from our own bundle may call the core; everything else is refused. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

export function registerBridge(ipc: IpcLike, dispatch: Dispatch): void {
  ipc.handle(bridgeIpcChannel, async (event, channel: unknown, payload: unknown): Promise<BridgeResult> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'This frame may not call the app core.' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'unknown_channel', message: 'The channel name must be a string.' } };
    }
    // Each window is its own client: a desk signed in in one window is not signed in in another.
    return dispatch(channel, payload, { transport: 'ipc', client: `webContents:${event.sender.id}` });
  });
}
