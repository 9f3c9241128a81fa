// The Electron security checklist (electronjs.org/docs/latest/tutorial/security), every item that
// can be checked without running Electron, checked on the sources and on what npm run build ships.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

const shellDir = join(repoRoot, 'electron', 'shell');
const distShell = join(repoRoot, 'dist', 'shell');

function readBuilt(name: string): string {
  const file = join(distShell, name);
  if (!existsSync(file)) throw new Error(`${relative(repoRoot, file)} is missing: run npm run build first`);
  return readFileSync(file, 'utf8');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const sources = sourceFiles(shellDir).map((file) => ({
  file: relative(repoRoot, file),
  text: readFileSync(file, 'utf8'),
  ast: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
}));

function nodes(predicate: (node: ts.Node) => boolean): { file: string; node: ts.Node }[] {
  const found: { file: string; node: ts.Node }[] = [];
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      if (predicate(node)) found.push({ file: source.file, node });
      ts.forEachChild(node, visit);
    };
    visit(source.ast);
  }
  return found;
}

const isCallOf = (node: ts.Node, name: string): node is ts.CallExpression =>
  ts.isCallExpression(node) &&
  ((ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name) || (ts.isIdentifier(node.expression) && node.expression.text === name));

const main = readBuilt('main.cjs');
const preload = readBuilt('preload.cjs');

describe('webPreferences (checklist 2-4, 6, 8-11)', () => {
  it('every BrowserWindow in the shell takes its webPreferences from the one secure factory', () => {
    const windows = nodes((node) => ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow');
    expect(windows.length).toBeGreaterThan(0);
    for (const { file, node } of windows) {
      const options = (node as ts.NewExpression).arguments?.[0];
      expect(options && ts.isObjectLiteralExpression(options), `${file}: BrowserWindow options must be an object literal`).toBe(true);
      const prefs = (options as ts.ObjectLiteralExpression).properties.find((p) => p.name?.getText() === 'webPreferences');
      expect(prefs && ts.isPropertyAssignment(prefs) && isCallOf(prefs.initializer, 'secureWebPreferences'), `${file}: webPreferences must be secureWebPreferences(...)`).toBe(true);
    }
  });

  it('the built main process has no insecure preference anywhere', () => {
    for (const unsafe of [
      /nodeIntegration\w*:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /experimentalFeatures:\s*true/,
      /webviewTag:\s*true/,
      /enableBlinkFeatures:\s*"[^"]/,
      /enableRemoteModule/,
    ]) {
      expect(main).not.toMatch(unsafe);
    }
    for (const safe of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false']) expect(main).toContain(safe);
  });

  it('dev tools depend on the packaged flag, not on an environment variable', () => {
    expect(main).toMatch(/devTools: options\.devTools === true/);
    expect(main).toMatch(/devTools: !options\.packaged/);
    expect(main).not.toMatch(/devTools:\s*process\.env/);
  });
});

describe('content and navigation (checklist 1, 7, 12, 13, 17)', () => {
  it('loads only the app bundle over app://, never file:// or the web', () => {
    const loads = nodes((node) => isCallOf(node, 'loadURL') || isCallOf(node, 'loadFile'));
    expect(loads.length).toBeGreaterThan(0);
    for (const { file, node } of loads) {
      const call = node as ts.CallExpression;
      expect(ts.isPropertyAccessExpression(call.expression) && call.expression.name.text, `${file}: use loadURL`).toBe('loadURL');
      expect(['appUrl', 'outOfOrderUrl', 'nowServingUrl', 'url'], `${file}: loadURL(${call.arguments[0]?.getText()})`).toContain(call.arguments[0]?.getText());
    }
    expect(main).toMatch(/registerSchemesAsPrivileged\(\[\s*\{ scheme: appScheme/);
    expect(main).not.toMatch(/file:\/\/|loadFile\(/);
  });

  it('sends a strict Content-Security-Policy header and ships it in every page', () => {
    expect(main).toMatch(/headers\.set\("Content-Security-Policy", csp\)/);
    for (const page of ['index.html', 'out-of-order.html']) {
      const html = readFileSync(join(repoRoot, 'dist', 'renderer', page), 'utf8');
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp, page).toContain("default-src 'none'");
      expect(csp, page).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('denies navigation away, new windows and webviews in every web contents', () => {
    expect(main).toMatch(/contents\.on\("will-navigate", \(event, \w+\) => \{\s*if \(!isAppUrl\(\w+\)\) event\.preventDefault\(\);/);
    expect(main).toMatch(/contents\.on\("will-redirect"/);
    expect(main).toMatch(/contents\.on\("will-attach-webview", \(event\) => event\.preventDefault\(\)\)/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: "deny" \}\)\)/);
    expect(main).toMatch(/app\.on\("web-contents-created", \(_event, contents\) => guardWebContents\(contents\)\)/);
  });
});

describe('permissions, shell and IPC (checklist 5, 14, 16, 19)', () => {
  it('refuses every permission request, check and device', () => {
    expect(main).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(main).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
  });

  it('never opens anything outside the app with shell.openExternal or openPath', () => {
    for (const { file, text } of sources) expect(text, file).not.toMatch(/openExternal|openPath|shell\.open/);
    expect(main).not.toMatch(/openExternal|\.openPath\(/);
  });

  it('handles IPC in one place, and checks the sender before anything else', () => {
    const ipcCalls = nodes((node) => ['handle', 'handleOnce', 'on', 'once'].some((name) => isCallOf(node, name)) && /^ipc/i.test(((node as ts.CallExpression).expression as ts.PropertyAccessExpression).expression?.getText?.() ?? ''));
    expect(ipcCalls.map((c) => c.file)).toEqual(['electron/shell/main/ipc-bridge.ts']);
    const handler = (ipcCalls[0]?.node as ts.CallExpression).arguments[1];
    expect(handler && ts.isArrowFunction(handler) && ts.isBlock(handler.body)).toBe(true);
    const first = ((handler as ts.ArrowFunction).body as ts.Block).statements[0];
    expect(first?.getText()).toMatch(/^if \(!isTrustedSender\(event\)\)/);
    // esbuild may rename locals (channel -> channel2), so identifiers are matched loosely.
    expect(main).toMatch(/ipc\.handle\(bridgeIpcChannel, async \(event, \w+, \w+\) => \{\s*if \(!isTrustedSender\(event\)\)/);
    expect(main).toMatch(/function isTrustedSender\(event\) \{\s*const (\w+) = event\.senderFrame\?\.url;\s*return typeof \1 === "string" && isAppUrl\(\1\);/);
  });

  it('exposes one call() to the page and no Electron or Node object', () => {
    const exposures = preload.match(/exposeInMainWorld\(/g) ?? [];
    expect(exposures).toHaveLength(1);
    const exposed = /exposeInMainWorld\("loopbaan", \{\s*call: \(channel, payload\) => \{/.exec(preload);
    expect(exposed).not.toBeNull();
    expect(preload.match(/ipcRenderer\.\w+/g)).toEqual(['ipcRenderer.invoke']);
    expect(preload).not.toMatch(/ipcRenderer(?!\.invoke)\s*[,})]|process\.|require\("(?!electron")|eval\(|new Function/);
    expect(preload).toMatch(/!known\.has\(channel\)/);
  });

  it('never evaluates strings as code in the shell', () => {
    for (const { file, text } of sources) expect(text, file).not.toMatch(/\beval\(|new Function\(|executeJavaScript|insertCSS/);
  });
});

describe('Electron version (checklist 15)', () => {
  it('ships the Electron version the types and the packaging are pinned to, and a supported one', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { optionalDependencies: { electron: string } };
    const builder = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain(`electronVersion: ${pkg.optionalDependencies.electron}`);
    expect(Number(pkg.optionalDependencies.electron.split('.')[0])).toBeGreaterThanOrEqual(43);
  });
});
