// Bundles the Node side: the browser host (ESM, runs on plain Node) and the Electron shell
// (CJS, as Electron's sandboxed preload requires). Native modules and Electron stay external.
import { build, type BuildOptions } from 'esbuild';
import { channelNames } from '../shared/contract/channels';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

const results = await Promise.all([
  build({ ...common, entryPoints: ['electron/host/host-main.ts'], outfile: 'dist/host/host.mjs', format: 'esm', packages: 'external' }),
  // electron-updater stays a package in the app's node_modules: it is large, and the shell's own
  // code stays small enough for electronegativity to read (tests/integration/shell/electronegativity.test.ts).
  build({ ...common, entryPoints: ['electron/shell/main/main.ts'], outfile: 'dist/shell/main.cjs', format: 'cjs', external: [...(common.external ?? []), 'electron-updater'] }),
  // The preload gets the channel names baked in rather than the whole contract: it stays small
  // enough to read in one sitting, and the list still comes from the one contract.
  build({
    ...common,
    entryPoints: ['electron/shell/preload/preload.ts'],
    outfile: 'dist/shell/preload.cjs',
    format: 'cjs',
    sourcemap: false,
    define: { __BRIDGE_CHANNELS__: JSON.stringify(channelNames) },
  }),
]);

// A warning here is a bug waiting in one shell, e.g. import.meta in the CJS bundle is empty, so
// code that works in the browser host would crash in Electron's main process.
const warnings = results.reduce((sum, result) => sum + result.warnings.length, 0);
if (warnings > 0) {
  console.error(`The Node/Electron bundles built with ${warnings} warning(s); fix them (see above).`);
  process.exit(1);
}
