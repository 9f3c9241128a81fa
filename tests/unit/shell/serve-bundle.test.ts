import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerAppScheme, serveBundle } from '../../../electron/shell/main/serve-bundle';
import { contentSecurityPolicy, headerOnlyDirectives, serializeCsp } from '../../../shared/security/content-security-policy';
import { tempDir } from '../../support/paths';
import { FakeProtocol } from './electron-fakes';

/** A renderer build beside files that must never be served: a sibling folder and the data dir. */
function servedBundle(): { protocol: FakeProtocol; fetched: string[]; renderer: string } {
  const base = tempDir('bundle');
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  mkdirSync(join(base, 'renderer-secrets'));
  writeFileSync(join(base, 'renderer-secrets', 'key'), 'secret');
  writeFileSync(join(base, 'field-key'), 'secret');
  const fetched: string[] = [];
  const protocol = new FakeProtocol();
  serveBundle(protocol, renderer, (fileUrl) => {
    const file = fileURLToPath(fileUrl);
    fetched.push(file);
    return Promise.resolve(existsSync(file) ? new Response(readFileSync(file)) : new Response('missing', { status: 404 }));
  });
  return { protocol, fetched, renderer };
}

describe('the app:// scheme', () => {
  it('is registered as a standard, secure origin with no CSP bypass, CORS or service workers', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('the app:// handler', () => {
  it('serves the files of the renderer build', async () => {
    const { protocol } = servedBundle();
    const page = await protocol.request('app://bundle/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect(await (await protocol.request('app://bundle/assets/app.js?v=1')).text()).toBe('export {};');
  });

  it('sends the strict Content-Security-Policy, frame-ancestors included, and nosniff with every file', async () => {
    const { protocol } = servedBundle();
    for (const url of ['app://bundle/index.html', 'app://bundle/assets/app.js']) {
      const response = await protocol.request(url);
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toBe(serializeCsp({ ...contentSecurityPolicy, ...headerOnlyDirectives }));
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('never reads a file outside the build, however the path is spelled', async () => {
    const { protocol, fetched, renderer } = servedBundle();
    for (const url of [
      'app://bundle/../field-key',
      'app://bundle/%2e%2e/field-key',
      'app://bundle/..%2ffield-key',
      'app://bundle/assets/..%2f..%2ffield-key',
      'app://bundle/..%2frenderer-secrets/key',
      'app://bundle/%2e%2e%2frenderer-secrets%2fkey',
      'app://bundle/',
      'app://bundle/assets/',
      'app://other/index.html',
      'app://bundle.evil/index.html',
    ]) {
      expect((await protocol.request(url)).status, url).toBe(404);
    }
    // The URL parser folds plain and %2e dot segments back inside the bundle: a missing file there.
    for (const file of fetched) expect(file.startsWith(renderer + sep) && !file.endsWith(sep), file).toBe(true);
    expect(fetched.map((file) => file.slice(renderer.length))).toEqual(['/field-key', '/field-key']);
  });
});
