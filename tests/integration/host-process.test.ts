import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostEntry, tempDir } from '../support/paths';
import { spawnHost } from '../support/spawn-host';

describe('the browser host as a process', () => {
  it('starts, prints its URL and serves the contract with a counter config', async () => {
    const dir = tempDir('proc');
    const config = join(dir, 'device.json');
    writeFileSync(config, JSON.stringify({ role: 'counter', location: { id: 'zwolle', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle' }));
    const host = await spawnHost(['--config', config]);
    try {
      const response = await fetch(`${host.origin}/api/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(await response.json()).toMatchObject({ result: { role: 'counter', location: { id: 'zwolle' } } });
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

  it('uses a fresh token at every start', async () => {
    const a = await spawnHost();
    const b = await spawnHost();
    await Promise.all([a.stop(), b.stop()]);
    expect(a.token).not.toBe(b.token);
  });
});
