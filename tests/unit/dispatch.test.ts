import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app-core';
import { createDispatch } from '../../electron/core/bridge/dispatch';
import { demoDeviceConfig } from '../../electron/core/config/demo-config';
import { CoreError } from '../../electron/core/errors';
import { createLogger } from '../../electron/core/log/logger';
import { resourcesDir, tempDir } from '../support/paths';

function makeCore(lines: string[] = []) {
  return createCore({
    config: demoDeviceConfig,
    appVersion: '9.9.9',
    resourcesDir,
    dataDir: tempDir('core'),
    shell: 'browser',
    logger: createLogger((line) => lines.push(line)),
  });
}

describe('dispatch', () => {
  it('answers app.info from the core with the device and the content version', async () => {
    const result = await makeCore().dispatch('app.info', {}, { transport: 'test', client: 'test' });
    expect(result).toMatchObject({
      ok: true,
      result: { role: 'kiosk', appVersion: '9.9.9', demo: true, location: { id: 'utrecht-centrum' }, content: { version: '2026.11.0-sample' } },
    });
  });

  it('refuses an unknown channel', async () => {
    expect(await makeCore().dispatch('app.erase', {}, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('names every invalid field and never calls the handler', async () => {
    let called = false;
    const core = makeCore();
    const dispatch = createDispatch({ ...core.handlers, 'app.reportError': () => ((called = true), { logged: true as const }) }, createLogger(() => undefined));
    const result = await dispatch('app.reportError', { screen: 'BAD SCREEN', message: 5 }, { transport: 'test', client: 'test' });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['message', 'screen']);
  });

  it('passes a CoreError through and hides unexpected errors behind a plain message', async () => {
    const core = makeCore();
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    const expected = createDispatch({ ...core.handlers, 'app.info': () => { throw new CoreError('unavailable', 'Content is being updated.'); } }, logger);
    expect(await expected('app.info', {}, { transport: 'test', client: 'test' })).toEqual({ ok: false, error: { code: 'unavailable', message: 'Content is being updated.' } });

    const broken = createDispatch({ ...core.handlers, 'app.info': () => { throw new TypeError('x is undefined at /secret/path.ts:12'); } }, logger);
    const result = await broken('app.info', {}, { transport: 'test', client: 'test' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside the app. The problem has been logged.' } });
    expect(lines.some((line) => line.includes('unexpected error in core handler'))).toBe(true);
  });

  it('refuses to pass on an answer that breaks the contract', async () => {
    const core = makeCore();
    const dispatch = createDispatch({ ...core.handlers, 'app.info': () => ({ role: 'kiosk' }) as never }, createLogger(() => undefined));
    expect(await dispatch('app.info', {}, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('writes renderer errors to the log as structured lines', async () => {
    const lines: string[] = [];
    await makeCore(lines).dispatch('app.reportError', { screen: 'kiosk.welcome', message: 'boom' }, { transport: 'test', client: 'test' });
    const entry = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', msg: 'renderer reported an error', screen: 'kiosk.welcome', message: 'boom' });
  });
});
