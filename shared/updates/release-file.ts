import type { UpdateChannel } from './update-channel';

/**
 * An electron-builder channel file (latest.yml, pilot.yml, beta.yml) as the release tool and the
 * fleet's rollout view read it. Only the shape electron-builder writes is accepted: a file that
 * holds anything else is refused rather than half understood, because a device acts on it.
 */
export interface ReleaseFileEntry {
  url: string;
  sha512: string;
  size: number | null;
  blockMapSize: number | null;
  /** Other fields electron-builder writes for some targets (e.g. isAdminRightsRequired), kept as written. */
  extra: [string, string][];
}

export interface ReleaseFile {
  version: string;
  files: ReleaseFileEntry[];
  path: string;
  sha512: string;
  releaseDate: string | null;
  /** Null: no staging line, which electron-updater treats as a full release. */
  stagingPercentage: number | null;
}

export const channelFileNames: Record<UpdateChannel, string> = { stable: 'latest.yml', pilot: 'pilot.yml', beta: 'beta.yml' };

export class ReleaseFileError extends Error {}

const versionPattern = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;
const sha512Pattern = /^[A-Za-z0-9+/]{86}==$/;

const unquote = (raw: string): string => {
  const value = raw.trim();
  if ((value.startsWith("'") && value.endsWith("'")) || (value.startsWith('"') && value.endsWith('"'))) return value.slice(1, -1);
  return value;
};

function positiveInteger(raw: string, what: string): number {
  const value = unquote(raw);
  if (!/^\d{1,15}$/.test(value)) throw new ReleaseFileError(`${what} is "${value}", expected a whole number`);
  return Number(value);
}

export function parseVersion(version: string): [number, number, number, string | null] | null {
  const match = versionPattern.exec(version);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ?? null];
}

/** Semver order, enough for release numbers: a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new ReleaseFileError(`cannot compare versions "${a}" and "${b}"`);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  if (x[3] === y[3]) return 0;
  if (x[3] === null) return 1;
  if (y[3] === null) return -1;
  return x[3] < y[3] ? -1 : 1;
}

export function parseReleaseFile(text: string): ReleaseFile {
  const top = new Map<string, string>();
  const files: ReleaseFileEntry[] = [];
  let inFiles = false;
  let current: Record<string, string> | null = null;
  const closeEntry = () => {
    if (!current) return;
    const url = current.url === undefined ? undefined : unquote(current.url);
    const sha512 = current.sha512 === undefined ? undefined : unquote(current.sha512);
    if (!url) throw new ReleaseFileError(`entry ${files.length + 1} under "files" has no url`);
    if (!sha512 || !sha512Pattern.test(sha512)) throw new ReleaseFileError(`entry "${url}" under "files" has no valid sha512`);
    files.push({
      url,
      sha512,
      size: current.size === undefined ? null : positiveInteger(current.size, `size of "${url}"`),
      blockMapSize: current.blockMapSize === undefined ? null : positiveInteger(current.blockMapSize, `blockMapSize of "${url}"`),
      extra: Object.entries(current).filter(([k]) => !['url', 'sha512', 'size', 'blockMapSize'].includes(k)),
    });
    current = null;
  };
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const item = /^ {2}- ([A-Za-z0-9]+): ?(.*)$/.exec(line);
    const field = /^ {4}([A-Za-z0-9]+): ?(.*)$/.exec(line);
    const key = /^([A-Za-z0-9]+):(?: (.*))?$/.exec(line);
    if (item && inFiles) {
      closeEntry();
      current = { [item[1] as string]: (item[2] ?? '').trim() };
    } else if (field && inFiles && current) {
      if ((field[1] as string) in current) throw new ReleaseFileError(`${where}: "${field[1]}" appears twice in one entry`);
      current[field[1] as string] = (field[2] ?? '').trim();
    } else if (key) {
      closeEntry();
      const name = key[1] as string;
      if (top.has(name) || (name === 'files' && inFiles)) throw new ReleaseFileError(`${where}: "${name}" appears twice`);
      inFiles = name === 'files';
      if (inFiles && (key[2] ?? '').trim() !== '') throw new ReleaseFileError(`${where}: "files" must be a list`);
      if (!inFiles) top.set(name, unquote(key[2] ?? ''));
    } else {
      throw new ReleaseFileError(`${where} is not in the electron-builder format: "${line.slice(0, 60)}"`);
    }
  });
  closeEntry();
  const version = top.get('version');
  if (!version) throw new ReleaseFileError('there is no "version"');
  if (!parseVersion(version)) throw new ReleaseFileError(`version "${version}" is not a version such as 1.4.0`);
  if (files.length === 0) throw new ReleaseFileError('"files" lists no installer');
  const path = top.get('path') ?? (files[0] as ReleaseFileEntry).url;
  const sha512 = top.get('sha512') ?? (files[0] as ReleaseFileEntry).sha512;
  if (!sha512Pattern.test(sha512)) throw new ReleaseFileError('the top-level sha512 is not a SHA-512 in base64');
  const staging = top.get('stagingPercentage');
  let stagingPercentage: number | null = null;
  if (staging !== undefined) {
    stagingPercentage = Number(staging);
    if (!/^\d{1,3}(?:\.\d+)?$/.test(staging) || stagingPercentage > 100) throw new ReleaseFileError(`stagingPercentage "${staging}" is not a number from 0 to 100`);
  }
  for (const name of top.keys()) {
    if (!['version', 'path', 'sha512', 'releaseDate', 'stagingPercentage'].includes(name)) throw new ReleaseFileError(`unknown field "${name}"`);
  }
  return { version, files, path, sha512, releaseDate: top.get('releaseDate') ?? null, stagingPercentage };
}

/** The file as electron-builder writes it, so a tool's edit changes only the lines it means to. */
export function formatReleaseFile(release: ReleaseFile): string {
  const lines = [`version: ${release.version}`, 'files:'];
  for (const file of release.files) {
    lines.push(`  - url: ${file.url}`, `    sha512: ${file.sha512}`);
    if (file.size !== null) lines.push(`    size: ${file.size}`);
    if (file.blockMapSize !== null) lines.push(`    blockMapSize: ${file.blockMapSize}`);
    for (const [key, raw] of file.extra) lines.push(`    ${key}: ${raw}`);
  }
  lines.push(`path: ${release.path}`, `sha512: ${release.sha512}`);
  if (release.releaseDate !== null) lines.push(`releaseDate: '${release.releaseDate}'`);
  if (release.stagingPercentage !== null) lines.push(`stagingPercentage: ${release.stagingPercentage}`);
  return `${lines.join('\n')}\n`;
}
