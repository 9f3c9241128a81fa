// One process of the cross-process contention test: opens the agenda database beside the others,
// says "ready", waits for "go" on stdin, then tries to book the same slot ATTEMPTS times and prints
// each outcome. Bundled by the test; arguments: DB_FILE PACK_FILE NOW_ISO START_ISO ATTEMPTS
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAgenda } from '../../electron/core/appointments/agenda';
import { createFieldCipher } from '../../electron/core/crypto/field-cipher';
import { openStore } from '../../electron/core/store/open-store';
import { ContentPackSchema } from '../../shared/content/pack-schema';

const [dbFile, packFile, nowIso, startIso, attempts] = process.argv.slice(2);
if (!dbFile || !packFile || !nowIso || !startIso || !attempts) throw new Error('usage: agenda-child.ts DB_FILE PACK_FILE NOW_ISO START_ISO ATTEMPTS');

const store = openStore(dbFile, { busyTimeoutMs: 20_000 });
const pack = ContentPackSchema.parse(JSON.parse(readFileSync(packFile, 'utf8')));
const agenda = createAgenda({ db: store.db, cipher: createFieldCipher(randomBytes(32)), now: () => new Date(nowIso), pack: () => pack });
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  for (let i = 0; i < Number(attempts); i++) {
    const outcome = agenda.book({ locationId: 'zwolle-centrum', topic: 'eerste-gesprek', start: new Date(startIso), language: 'nl', idempotencyKey: randomUUID(), via: 'kiosk' });
    process.stdout.write(`${outcome.outcome}\n`);
  }
  store.close();
  process.exit(0);
});
