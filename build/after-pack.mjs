// electron-builder afterPack hook: flips Electron's fuses in the packed binary, before it is signed
// and wrapped in an installer. Fuses are compiled-in switches no command-line flag or environment
// variable can turn back on, which is what a kiosk that strangers touch needs.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { join } from 'node:path';

/** @type {import('@electron/fuses').FuseV1Config} */
export const fuseConfig = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone at the OS attach code or a debugger to the app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app runs only from its own, hash-checked app.asar (Windows; Linux has no asar integrity yet).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, so file:// needs none of its old privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * Where the Electron binary lies in a packed app.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
}

/** @param {Parameters<typeof electronBinaryPath>[0]} context */
export async function afterPack(context) {
  await flipFuses(electronBinaryPath(context), {
    ...fuseConfig,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
}

export default afterPack;
