// Layer rules, after VS Code's: each layer imports only what sits below it.
//   renderer -> shared <- core (electron/core, electron/host);  electron/shell -> core, shared.
// Only electron/shell may import 'electron'; the renderer never reaches Node or the core.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noBuiltins = nodeBuiltins.map((name) => ({ name, message: 'The renderer and shared/ run without Node: no Node built-ins.' }));
const noElectron = { name: 'electron', message: "Only electron/shell may import 'electron'; the core must run under plain Node." };
const intoRenderer = { group: ['**/renderer/**', '**/renderer'], message: 'Nothing imports the renderer.' };
// The text catalogue is data, not renderer code: shared/text/catalogue.ts reads it for the paper.
const intoRendererButCatalogue = { regex: '(^|/)renderer(/(?!src/i18n/locales/[a-z-]+[.]json$).*)?$', message: intoRenderer.message };
const intoElectronDir = { group: ['**/electron/**', '**/electron'], message: 'The renderer and shared/ never import the core or the shell: go through the contract in shared/.' };
const intoShell = { group: ['**/shell/**', '**/shell'], message: 'The core must not depend on the Electron shell.' };
const noShellOpen = { name: 'electron', importNames: ['shell'], message: 'The app opens nothing outside itself: no shell.openExternal or openPath.' };
const shellBannedCalls = [
  ['loadFile', 'Load app://bundle URLs with loadURL; never file://.'],
  ['openExternal', 'The app opens nothing outside itself.'],
  ['openPath', 'The app opens nothing outside itself.'],
  ['executeJavaScript', 'The shell never evaluates strings as code in a page.'],
  ['executeJavaScriptInIsolatedWorld', 'The shell never evaluates strings as code in a page.'],
  ['insertCSS', 'Styles come from the bundle, under its CSP.'],
].map(([property, message]) => ({ property, message }));
const viaClock = 'Take the time and timers from the injected Clock (electron/core/clock/clock.ts), never on your own.';
const clockGlobals = ['setTimeout', 'setInterval', 'setImmediate'].map((name) => ({ name, message: viaClock }));
const clockSyntax = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: viaClock },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: viaClock },
  { selector: "MemberExpression[object.name='globalThis'][property.name=/^set(Timeout|Interval|Immediate)$/]", message: viaClock },
  { selector: 'ImportDeclaration[source.value=/^(node:)?timers(\\/promises)?$/]', message: viaClock },
];

// No test reads the wall clock: what it checks must hold at any hour, in any time zone, under faketime.
const viaTestClock = 'A test never reads the wall clock: give the code a fixed date, a `let` clock the test moves or tests/support/manual-clock.ts, and compare with the clock the code was given (a bound on real I/O: tests/support/real-elapsed.ts).';
const testClockSyntax = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: viaTestClock },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: viaTestClock },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...noBuiltins], patterns: [intoElectronDir] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...noBuiltins], patterns: [intoElectronDir, intoRendererButCatalogue] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/central-sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [intoRenderer, intoShell] }],
    },
  },
  {
    // The composition root builds each module from the ones above it: a closure that reads a
    // `const` declared further down only works while nobody calls it too early.
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-use-before-define': ['error', { functions: false, classes: true, variables: true, typedefs: false, ignoreTypeReferences: true }],
    },
  },
  {
    // One clock (docs/architecture.md): the core reads the time and sets its timers through the
    // Clock the composition root hands every module; only clock/clock.ts touches the real ones.
    files: ['electron/core/**/*.ts'],
    ignores: [
      'electron/core/clock/clock.ts',
      // Log lines keep the wall clock: they are read next to the OS's logs, and the shells log before a core exists.
      'electron/core/log/logger.ts',
      // Deadlines on a real socket are real time, like AbortSignal.timeout on a fetch: they bound how long a real peer may take.
      'electron/core/printing/tcp-printer.ts',
    ],
    rules: {
      'no-restricted-globals': ['error', ...clockGlobals],
      'no-restricted-syntax': ['error', ...clockSyntax],
    },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noShellOpen], patterns: [intoRenderer] }],
      // The Electron security checklist items that are about what the code may call at all;
      // what the shell does at run time is tested through fakes in tests/unit/shell.
      'no-restricted-properties': ['error', ...shellBannedCalls],
      'no-restricted-syntax': ['error', { selector: 'Literal[value=/^file:/i]', message: 'The app loads only app://bundle, never file:// URLs.' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['electron/shell/**/*.ts'],
    ignores: ['electron/shell/main/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noShellOpen, { name: 'electron', importNames: ['ipcMain'], message: 'Only main.ts takes ipcMain, to hand it to registerBridge: IPC is handled in one place.' }], patterns: [intoRenderer] }],
    },
  },
  {
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'build/**/*.mjs', 'bench/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  // Honest waits: a test waits for a condition with tests/support/until.ts, never for a length of
  // time that happens to be enough on the machine it was written on.
  {
    files: ['tests/**/*.ts'],
    ignores: ['tests/support/until.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']", message: 'A bare sleep: wait with until() from tests/support/until.ts for what you expect.' },
        { selector: "ImportDeclaration[source.value=/^(node:)?timers\\/promises$/]", message: 'Timer promises are sleeps in a test: wait with until() from tests/support/until.ts.' },
        { selector: "CallExpression[callee.name=/^(sleep|delay|wait)$/]", message: 'A sleep helper: wait with until() from tests/support/until.ts for what you expect.' },
        { selector: "CallExpression[callee.property.name='waitForTimeout']", message: 'A fixed wait: use an auto-waiting locator assertion or until().' },
        { selector: ":matches(WhileStatement, DoWhileStatement, ForStatement) CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'A hand-rolled polling loop: use until() from tests/support/until.ts.' },
        ...testClockSyntax,
      ],
    },
  },
);
