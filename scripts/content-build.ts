// npm run content:build [-- --source DIR --out DIR --key FILE --key-id ID]
// Turns the content source files into a signed pack (pack.json + pack.sig). Without options it
// builds the sample pack from resources/content/source with the DEV-ONLY key; a real pack is
// signed with a real key that never enters this repository.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { replaceFileAtomically } from '../electron/core/content/durable-files';
import { rawPublicKey, signPack } from '../electron/core/content/sign-pack';
import { verifyPack } from '../electron/core/content/verify-pack';
import { assemblePack, SourceError } from './content/assemble-pack';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    source: { type: 'string', default: join(root, 'resources', 'content', 'source') },
    out: { type: 'string', default: join(root, 'resources', 'content', 'sample') },
    key: { type: 'string', default: join(root, 'scripts', 'dev-only-content-key', 'DEV-ONLY-signing-key.pem') },
    'key-id': { type: 'string', default: 'dev-only-sample' },
  },
});

try {
  const pack = assemblePack(values.source);
  const privateKey = readFileSync(values.key, 'utf8');
  const packBytes = Buffer.from(`${JSON.stringify(pack, null, 1)}\n`, 'utf8');
  const sigBytes = Buffer.from(`${JSON.stringify(signPack(packBytes, values['key-id'], privateKey), null, 2)}\n`, 'utf8');
  // Checked the way a device will, with the public half of the key, before anything is written.
  verifyPack(packBytes, sigBytes, [{ id: values['key-id'], publicKey: rawPublicKey(privateKey) }]);
  mkdirSync(values.out, { recursive: true });
  replaceFileAtomically(join(values.out, 'pack.json'), packBytes, 0o644);
  replaceFileAtomically(join(values.out, 'pack.sig'), sigBytes, 0o644);
  console.log(
    `Built content pack ${pack.version} (${pack.scope}): ${pack.topics.length} topics, ${pack.pages.length} pages, ${pack.regions.length} regions, ` +
      `${pack.providers.length} providers, ${pack.schemes.length} schemes, signed with key "${values['key-id']}", in ${values.out}`,
  );
} catch (err) {
  console.error(err instanceof SourceError ? err.message : `content:build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
