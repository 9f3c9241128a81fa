import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

const eslint = new ESLint({ cwd: repoRoot });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('keep Node, Electron and the core out of the renderer', async () => {
    expect(await restricted('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { join } from 'path';\nexport const a = join;\n")).toHaveLength(1);
    expect((await restricted('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).length).toBeGreaterThan(0);
    expect(await restricted('renderer/src/x.ts', "import { createCore } from '../../electron/core/app-core';\nexport const a = createCore;\n")).toHaveLength(1);
  });

  it("keep 'electron' out of the core and the browser host, and the shell out of the core", async () => {
    expect(await restricted('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restricted('electron/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import { registerBridge } from '../shell/main/ipc-bridge';\nexport const a = registerBridge;\n")).toHaveLength(1);
  });

  it('keep shared/ free of both sides', async () => {
    expect(await restricted('shared/x.ts', "import { App } from '../renderer/src/app/App';\nexport const a = App;\n")).toHaveLength(1);
    expect(await restricted('shared/x.ts', "import { createCore } from '../electron/core/app-core';\nexport const a = createCore;\n")).toHaveLength(1);
    expect(await restricted('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
  });

  it('let the shell import electron and the renderer import shared/', async () => {
    expect(await restricted('electron/shell/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await restricted('renderer/src/x.ts', "import { channels } from '../../shared/contract/channels';\nexport const a = channels;\n")).toEqual([]);
  });

  it('refuse a closure in the core that reads a const declared further down (a forward reference in the composition root)', async () => {
    const forward = "const printing = { names: () => content.current() };\nconst content = { current: () => null };\nexport const a = [printing, content];\n";
    const [result] = await eslint.lintText(forward, { filePath: join(repoRoot, 'electron/core/x.ts') });
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-use-before-define');
    const inOrder = "const content = { current: () => null };\nconst printing = { names: () => content.current() };\nexport const a = [printing, content];\n";
    const [clean] = await eslint.lintText(inOrder, { filePath: join(repoRoot, 'electron/core/x.ts') });
    expect(clean?.messages).toEqual([]);
  });

  it('refuse a core module that reads the wall clock or sets a timer of its own instead of using the injected clock', async () => {
    const clockRules = async (file: string, code: string): Promise<string[]> => {
      const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
      return (result?.messages ?? []).map((m) => m.ruleId ?? `unparsed: ${m.message}`);
    };
    const own = [
      'export const a = Date.now();',
      'export const b = new Date();',
      'export const c = setTimeout(() => undefined, 10);',
      'export const d = setInterval(() => undefined, 10);',
      'export const e = globalThis.setTimeout(() => undefined, 10);',
      "import { setTimeout as later } from 'node:timers/promises';\nexport const f = later;",
    ];
    for (const line of own) expect((await clockRules('electron/core/sync/x.ts', `${line}\n`)).filter((rule) => /^no-restricted-(globals|syntax)$/.test(rule)), line).toHaveLength(1);
    const injected = 'import type { Clock } from "../clock/clock";\nexport const at = (clock: Clock) => [clock.now(), new Date("2026-11-24T09:30:00+01:00"), clock.setTimeout(() => undefined, 10)];\n';
    expect(await clockRules('electron/core/sync/x.ts', injected)).toEqual([]);
    // The clock itself is the one place that touches the real ones.
    expect(await clockRules('electron/core/clock/clock.ts', 'export const now = () => new Date();\nexport const t = setTimeout(() => undefined, 10);\n')).toEqual([]);
  });

  it('refuse a test that reads the wall clock, and point it to a clock it controls', async () => {
    const messages = async (file: string, code: string): Promise<string[]> => {
      const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
      return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'unparsed'}: ${m.message}`);
    };
    for (const line of ['export const a = Date.now();', 'export const b = new Date();', 'export const c = () => new Date().toISOString();']) {
      const said = await messages('tests/integration/x.test.ts', `${line}\n`);
      expect(said, line).toHaveLength(1);
      expect(said[0], line).toMatch(/^no-restricted-syntax: A test never reads the wall clock: .*manual-clock/);
    }
    expect(await messages('tests/support/x.ts', 'export const a = Date.now();\n')).toHaveLength(1);
    expect(await messages('tests/integration/x.test.ts', "export const at = new Date('2026-11-24T09:00:00.000Z');\nexport const later = new Date(at.getTime() + 60_000);\n")).toEqual([]);
    // The wait helper measures its own deadline on purpose.
    expect(await messages('tests/support/until.ts', 'export const end = Date.now() + 1000;\n')).toEqual([]);
  });
});
