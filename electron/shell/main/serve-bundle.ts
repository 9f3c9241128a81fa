import type { Protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy, headerOnlyDirectives, serializeCsp } from '../../../shared/security/content-security-policy';
import { appHost, appScheme } from './app-protocol';

/** Must run before app 'ready': makes app:// a secure, standard origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Reads a file:// URL; Electron's net.fetch in the app, a plain file read in the tests. */
export type FetchFile = (fileUrl: string) => Promise<Response>;

export function serveBundle(protocol: Pick<Protocol, 'handle'>, rendererDir: string, fetchFile: FetchFile): void {
  protocol.handle(appScheme, bundleHandler(rendererDir, fetchFile));
}

/**
 * Answers app://bundle/<path> with that file of the renderer's build and nothing outside it, with
 * the CSP as a header (frame-ancestors works only there).
 */
export function bundleHandler(rendererDir: string, fetchFile: FetchFile): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir);
  const csp = serializeCsp({ ...contentSecurityPolicy, ...headerOnlyDirectives });
  return async (request) => {
    const url = new URL(request.url);
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    // A path ending in a separator names a directory, and a file:// fetch would list it.
    if (url.host !== appHost || !file.startsWith(root + sep) || file.endsWith(sep)) return new Response('Not found', { status: 404 });
    const response = await fetchFile(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}
