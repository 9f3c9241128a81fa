// npm run hash-pin: turns an IT member's PIN into the hash for the device config's itStaff list,
// so the PIN itself never lands in a config file. Reads the PIN from standard input.
import { createInterface } from 'node:readline/promises';
import { hashPin } from '../electron/core/staff/pin-hash';
import { Pin } from '../shared/staff/pin';

const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
const pin = (await lines.question(process.stdin.isTTY ? 'PIN (6 to 12 digits): ' : '')).trim();
lines.close();
const checked = Pin.safeParse(pin);
if (!checked.success) {
  process.stderr.write(`Not a usable PIN: ${checked.error.issues[0]?.message ?? 'invalid'}\n`);
  process.exit(2);
}
process.stdout.write(`${await hashPin(checked.data)}\n`);
