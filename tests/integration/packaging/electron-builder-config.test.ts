import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support/paths';

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
interface AfterPackHook {
  afterPack(context: PackContext): Promise<void>;
  electronBinaryPath(context: PackContext): string;
}
interface BeforeBuildHook {
  nativeRebuildPlan(facts: { binaryPresent: boolean; skipRequested: boolean }): { rebuild: boolean; reason: string };
  electronBinaryPresent(projectDir: string): boolean;
  beforeBuild(context: { appDir: string }): Promise<boolean>;
}

const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(repoRoot, file)).href)) as T;

/**
 * Stand-in for an Electron executable: the fuse sentinel, wire version 1 and eight fuses in
 * Electron's shipped defaults (RunAsNode, NODE_OPTIONS and --inspect on; asar-only off), the way
 * @electron/fuses finds them in the real binary.
 */
function fakeElectronBinary(file: string): void {
  const on = 0x31;
  const off = 0x30;
  const wire = [on, off, on, on, off, off, off, on];
  writeFileSync(file, Buffer.concat([Buffer.alloc(512, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(512, 7)]));
}

describe('electron-builder.yml', () => {
  it('loads and passes electron-builder\'s own schema validation', async () => {
    const config = await getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('nl.loopbaanwinkel.kiosk');
  });

  it('would catch a mistyped option, so the check above means something', async () => {
    const file = join(tempDir('builder'), 'electron-builder.yml');
    writeFileSync(file, 'appId: nl.loopbaanwinkel.kiosk\nnsis:\n  perMachin: true\n');
    const config = await getConfig(repoRoot, file, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*nsis/);
  });

  it('keeps better-sqlite3 and every native module outside the asar, and packs the rest in it', async () => {
    const config = await getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']));
    expect(config.npmRebuild).toBe(true);
  });

  it('builds per-machine NSIS for Windows and AppImage plus deb for Linux, never deleting device data', async () => {
    const config = await getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, deleteAppDataOnUninstall: false });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('runs the fuse hook after pack and the rebuild hook before build', async () => {
    const config = await getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null);
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    expect(config.beforeBuild).toBe('./build/before-build.mjs');
  });
});

describe('the afterPack fuse hook', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off and asar integrity and asar-only on in the packed binary', async () => {
    const hook = await load<AfterPackHook>('build/after-pack.mjs');
    const appOutDir = tempDir('packed');
    const context = { appOutDir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Loopbaanwinkel Kiosk' }, executableName: 'loopbaanwinkel-kiosk' } };
    fakeElectronBinary(join(appOutDir, 'loopbaanwinkel-kiosk'));
    await hook.afterPack(context);
    const wire = await getCurrentFuseWire(join(appOutDir, 'loopbaanwinkel-kiosk'));
    const state = (fuse: FuseV1Options): string => String.fromCharCode(Number(wire[fuse]));
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });

  it('finds the executable on each platform and fails the build when it is not an Electron binary', async () => {
    const hook = await load<AfterPackHook>('build/after-pack.mjs');
    const packager = { appInfo: { productFilename: 'Loopbaanwinkel Kiosk' }, executableName: 'loopbaanwinkel-kiosk' };
    expect(hook.electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'win32', packager })).toBe(join('/out', 'Loopbaanwinkel Kiosk.exe'));
    expect(hook.electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'linux', packager })).toBe(join('/out', 'loopbaanwinkel-kiosk'));
    const appOutDir = tempDir('packed-bad');
    writeFileSync(join(appOutDir, 'loopbaanwinkel-kiosk'), 'not electron');
    await expect(hook.afterPack({ appOutDir, electronPlatformName: 'linux', packager })).rejects.toThrow(/sentinel/);
  });
});

describe('the beforeBuild native-rebuild hook', () => {
  it('rebuilds better-sqlite3 for Electron when Electron is installed, and skips it cleanly when not', async () => {
    const hook = await load<BeforeBuildHook>('build/before-build.mjs');
    expect(hook.nativeRebuildPlan({ binaryPresent: true, skipRequested: false }).rebuild).toBe(true);
    const skipped = hook.nativeRebuildPlan({ binaryPresent: false, skipRequested: false });
    expect(skipped.rebuild).toBe(false);
    expect(skipped.reason).toMatch(/must not be shipped/);
    expect(hook.nativeRebuildPlan({ binaryPresent: true, skipRequested: true }).rebuild).toBe(false);
  });

  it('sees an Electron binary only where the electron package really downloaded one', async () => {
    const hook = await load<BeforeBuildHook>('build/before-build.mjs');
    const project = tempDir('project');
    expect(hook.electronBinaryPresent(project)).toBe(false);
    const pkg = join(project, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(hook.electronBinaryPresent(project)).toBe(false);
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(hook.electronBinaryPresent(project)).toBe(true);
    await expect(hook.beforeBuild({ appDir: tempDir('no-electron') })).resolves.toBe(false);
  });
});
