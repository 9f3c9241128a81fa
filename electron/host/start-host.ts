import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCore, type Core, type CoreOptions } from '../core/app-core';
import { createHostServer } from './http-server';

export interface RunningHost {
  /** What a person or a test opens: the token travels in the fragment, never to a server log. */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

export interface HostOptions extends Omit<CoreOptions, 'shell'> {
  port: number;
  staticDir: string;
  /** Tests inject a wrapped core to watch what reaches it. */
  wrapCore?: (core: Core) => Core;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const created = createCore({ ...options, shell: 'browser' });
  const core = options.wrapCore ? options.wrapCore(created) : created;
  const token = randomBytes(32).toString('base64url');
  const server = createHostServer({ dispatch: core.dispatch, staticDir: options.staticDir, token, logger: options.logger });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
