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
  // The host bundles its packages too (resolving zod's few hundred files took longer than parsing
  // them) and splits off what the first screen does not need: the printer library, the QR
  // encoder and the demo simulators are dynamic imports, loaded from chunks/ when first used.
  build({
    ...common,
    entryPoints: { host: 'electron/host/host-main.ts' },
    outdir: 'dist/host',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __hostRequire } from 'node:module'; const require = __hostRequire(import.meta.url);" },
  }),
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
