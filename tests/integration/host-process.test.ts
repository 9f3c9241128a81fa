import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostEntry, tempDir } from '../support/paths';
import { clientWithCookie, openClient } from '../support/host-client';
import { spawnHost } from '../support/spawn-host';

describe('the browser host as a process', () => {
  it('starts, prints its URL and serves the contract with a counter config', async () => {
    const dir = tempDir('proc');
    const config = join(dir, 'device.json');
    writeFileSync(config, JSON.stringify({ role: 'counter', location: { id: 'zwolle', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle' }));
    const host = await spawnHost(['--config', config]);
    try {
      const client = await openClient(host.url);
      expect(await client.call('app.info', {})).toMatchObject({ result: { role: 'counter', location: { id: 'zwolle' } } });
    } finally {
      await host.stop();
    }
  });

  it('stops with a message naming the file and the field, not a stack trace, when the config is bad', () => {
    const config = join(tempDir('proc'), 'device.json');
    writeFileSync(config, JSON.stringify({ role: 'kiosk', location: { id: 'x', name: 'X' }, region: 'x', printer: { type: 'tcp' } }));
    const run = spawnSync(process.execPath, [hostEntry, '--config', config], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Cannot start: Config file ${config} has 1 problem(s):`);
    expect(run.stderr).toContain('printer.host');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints one-time addresses: each opens the app once, and the next one is printed after', async () => {
    const a = await spawnHost();
    const b = await spawnHost();
    try {
      expect(a.url).not.toBe(b.url);
      const client = await openClient(a.url);
      expect((await client.call('app.info', {})).status).toBe(200);
      // Used once, an address is worth nothing, also to whoever read it off the screen or a process list.
      await expect(openClient(a.url)).rejects.toThrow(/401/);
      expect(a.stdout()).toContain('To open the app in another window');
      expect((await (await a.client()).call('app.info', {})).status).toBe(200);
      // b's address does not open a: the cookie names a session of b's only.
      expect((await clientWithCookie(a.origin, (await openClient(b.url)).cookie.replace(/-\d+=/, `-${new URL(a.origin).port}=`)).call('app.info', {})).status).toBe(401);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
