/**
 * The renderer's Content-Security-Policy: one definition, written into the built HTML and sent
 * as a header by both shells. No inline script, no eval, nothing from outside the app.
 */
export const contentSecurityPolicy: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The kiosk plays the device's own read-aloud audio from blob: URLs it makes itself; nothing remote.
  'media-src': ["'self'", 'blob:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

/** Directives that browsers ignore in a <meta> tag and honour only as a header. */
export const headerOnlyDirectives: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

export function serializeCsp(policy: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
