import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy, serializeCsp } from './shared/security/content-security-policy.ts';

/** Writes the one CSP definition into index.html, so the meta tag can never drift from the header. */
function cspMeta(): Plugin {
  return {
    name: 'lbw-csp-meta',
    transformIndexHtml: (html) => html.replace('%CSP%', serializeCsp(contentSecurityPolicy)),
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
