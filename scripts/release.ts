// npm run release -- <verb> [--dir FOLDER] ...: moves a release through its stages in the update
// folder (latest.yml, pilot.yml, beta.yml) without a hand edit. `npm run release` alone prints the verbs.
import { join, resolve } from 'node:path';
import { runRelease } from './release-tool/release-verbs';

const root = resolve(import.meta.dirname, '..');
process.exitCode = runRelease(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
  defaultLocations: join(root, 'resources', 'content', 'source', 'locations.json'),
});
