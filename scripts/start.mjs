// npm start: the Electron app where an Electron binary is installed, otherwise the browser host.
// Plain JavaScript so it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws when the download failed.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = args.includes('--browser') ? null : electronBinary();
let child;
if (binary) {
  child = spawn(binary, ['dist/shell/main.cjs', ...args], { stdio: 'inherit' });
} else {
  if (!args.includes('--browser')) {
    console.log('Electron is not installed on this machine, so the app runs in the browser host instead.');
  }
  child = spawn(process.execPath, ['dist/host/host.mjs', '--open', ...args.filter((a) => a !== '--browser')], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
