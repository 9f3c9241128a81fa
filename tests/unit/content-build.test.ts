import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devContentKey } from '../../electron/core/content/dev-content-key';
import { rawPublicKey } from '../../electron/core/content/sign-pack';
import { verifyPack } from '../../electron/core/content/verify-pack';
import { assemblePack, SourceError } from '../../scripts/content/assemble-pack';
import { fixtureSourceDir } from '../support/content-packs';
import { repoRoot, resourcesDir, tempDir } from '../support/paths';

const devKeyFile = join(repoRoot, 'scripts', 'dev-only-content-key', 'DEV-ONLY-signing-key.pem');
const sampleDir = join(resourcesDir, 'content', 'sample');

function sourceProblems(edit: (dir: string) => void): string[] {
  const dir = tempDir('source');
  cpSync(fixtureSourceDir, dir, { recursive: true });
  edit(dir);
  try {
    assemblePack(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return [...(err as SourceError).problems];
  }
  throw new Error('expected the sources to be refused');
}

const editJson = (dir: string, file: string, edit: (value: unknown[]) => void) => {
  const value = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown[];
  edit(value);
  writeFileSync(join(dir, file), JSON.stringify(value));
};

describe('content:build', () => {
  it('signs the sample pack with the dev-only key the demo config trusts', () => {
    expect(rawPublicKey(readFileSync(devKeyFile, 'utf8'))).toBe(devContentKey.publicKey);
  });

  it('ships a committed sample pack that verifies with the dev key', () => {
    const verified = verifyPack(readFileSync(join(sampleDir, 'pack.json')), readFileSync(join(sampleDir, 'pack.sig')), [devContentKey]);
    expect(verified.pack.locations.map((l) => l.id)).toContain('utrecht-centrum');
  });

  it('builds a pack from source files that a device accepts', () => {
    const out = tempDir('built');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'content-build.ts'), '--source', fixtureSourceDir, '--out', out], { encoding: 'utf8', cwd: repoRoot });
    expect(stdout).toMatch(/Built content pack 2026\.11\.0-sample \(national\): 3 topics, 6 pages, 3 regions, 3 providers, 2 schemes, signed with key "dev-only-sample"/);
    const verified = verifyPack(readFileSync(join(out, 'pack.json')), readFileSync(join(out, 'pack.sig')), [devContentKey]);
    expect(verified.pack.createdAt).toBe('2026-11-24T00:00:00Z');
  });

  it('names the source file and the field of every problem', () => {
    expect(sourceProblems((dir) => writeFileSync(join(dir, 'schemes.json'), '[{'))).toEqual([expect.stringMatching(/^schemes\.json: not valid JSON/)]);
    expect(
      sourceProblems((dir) =>
        editJson(dir, 'providers.json', (providers) => {
          (providers[1] as { address: { postcode: string } }).address.postcode = '0123 AB';
          (providers[2] as { regions: string[] }).regions = ['atlantis'];
        }),
      ),
    ).toEqual(['providers.json: [1].address.postcode: expected a postcode such as "3511 AB"']);
    expect(sourceProblems((dir) => editJson(dir, 'providers.json', (providers) => ((providers[2] as { regions: string[] }).regions = ['atlantis'])))).toEqual([
      'providers.json: [2].regions: region "atlantis" does not exist in this pack',
    ]);
  });
});
