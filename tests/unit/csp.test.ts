import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererDist } from '../support/paths';

function builtCsp(): Map<string, string[]> {
  const file = join(rendererDist, 'index.html');
  if (!existsSync(file)) throw new Error('dist/renderer/index.html is missing: run npm run build first (npm test does).');
  const html = readFileSync(file, 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  expect(metas).toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const part of (metas[0]?.[1] ?? '').split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive) policy.set(directive, sources);
  }
  return policy;
}

describe("the built renderer's Content-Security-Policy", () => {
  const policy = builtCsp();

  it("runs only the app's own scripts: no inline script, no eval", () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'unsafe-inline'");
  });

  it('loads nothing from outside the app', () => {
    for (const [directive, sources] of policy) {
      // blob: is audio the page made itself (read-aloud from the device's voice), and only as media.
      for (const source of sources) expect(source, directive).toMatch(directive === 'media-src' ? /^('self'|blob:)$/ : /^('self'|'none'|data:)$/);
    }
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('has no inline scripts in the built page the policy would have to allow', () => {
    const html = readFileSync(join(rendererDist, 'index.html'), 'utf8');
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(match[1]).toMatch(/\ssrc="\.\/assets\//);
      expect(match[2]?.trim()).toBe('');
    }
  });
});

describe("the out-of-order page's Content-Security-Policy", () => {
  it('allows no script at all and loads only its own stylesheet', () => {
    const html = readFileSync(join(rendererDist, 'out-of-order.html'), 'utf8');
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval|\*/);
    expect(html).not.toMatch(/<script\b/i);
  });
});
