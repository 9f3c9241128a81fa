import { describe, expect, it } from 'vitest';
import { compareVersions, formatReleaseFile, parseReleaseFile, ReleaseFileError } from '../../../shared/updates/release-file';

const sha = `${'A'.repeat(86)}==`;
const builderOutput = `version: 1.4.0
files:
  - url: Loopbaanwinkel-Kiosk-Setup-1.4.0.exe
    sha512: ${sha}
    size: 81234567
    blockMapSize: 86123
    isAdminRightsRequired: true
path: Loopbaanwinkel-Kiosk-Setup-1.4.0.exe
sha512: ${sha}
releaseDate: '2026-11-20T10:00:00.000Z'
`;

describe('electron-builder channel files', () => {
  it('reads what electron-builder writes and writes it back byte for byte, fields it does not know included', () => {
    const release = parseReleaseFile(builderOutput);
    expect(release).toMatchObject({ version: '1.4.0', stagingPercentage: null, releaseDate: '2026-11-20T10:00:00.000Z' });
    expect(release.files[0]).toMatchObject({ size: 81234567, blockMapSize: 86123, extra: [['isAdminRightsRequired', 'true']] });
    expect(formatReleaseFile(release)).toBe(builderOutput);
    expect(formatReleaseFile({ ...release, stagingPercentage: 25 })).toBe(`${builderOutput}stagingPercentage: 25\n`);
  });

  it.each([
    ['', /no "version"/],
    [builderOutput.replace('version: 1.4.0', 'version: 1.4'), /version "1.4" is not a version/],
    [builderOutput.replace(/ {4}sha512: .*\n/, ''), /has no valid sha512/],
    [`${builderOutput}stagingPercentage: ten\n`, /stagingPercentage "ten"/],
    [`${builderOutput}stagingPercentage: 101\n`, /stagingPercentage "101"/],
    [`${builderOutput}version: 1.5.0\n`, /"version" appears twice/],
    [`${builderOutput}channel: stable\n`, /unknown field "channel"/],
    [`${builderOutput}\tpath: x\n`, /line 11 is not in the electron-builder format/],
    [builderOutput.replace('    size: 81234567', '    size: big'), /size of "Loopbaanwinkel-Kiosk-Setup-1.4.0.exe" is "big"/],
  ])('refuses a file that is not quite right (%#)', (text, message) => {
    expect(() => parseReleaseFile(text)).toThrow(ReleaseFileError);
    expect(() => parseReleaseFile(text)).toThrow(message);
  });

  it('orders versions as semver does, a pre-release before its release', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-beta.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
  });
});
