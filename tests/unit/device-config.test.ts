import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../electron/core/config/config-error';
import { demoDeviceConfig } from '../../electron/core/config/demo-config';
import { loadDeviceConfig, parseDeviceConfig } from '../../electron/core/config/load-device-config';
import { parseStartArgs } from '../../electron/core/startup/parse-args';
import { tempDir } from '../support/paths';

const good = {
  role: 'counter',
  location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' },
  region: 'regio-zwolle',
  centralApiUrl: 'https://api.example.nl/v1',
  printer: { type: 'tcp', host: '192.0.2.10' },
  updateChannel: 'pilot',
};

function problems(text: string): string {
  try {
    parseDeviceConfig(text, 'device.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('device config', () => {
  it('accepts a good file and fills in the defaults', () => {
    const config = parseDeviceConfig(JSON.stringify(good), 'device.json');
    expect(config.role).toBe('counter');
    expect(config.defaultLanguage).toBe('nl');
    expect(config.demo).toBe(false);
    expect(config.idleSeconds).toBe(90);
    expect(config.printer).toEqual({ type: 'tcp', host: '192.0.2.10', port: 9100, model: 'epson', connectTimeoutMs: 1500, paperWidthMm: 80, giveUpAfterSeconds: 60 });
  });

  it('runs as a demo location when there is no file', () => {
    expect(loadDeviceConfig(undefined)).toBe(demoDeviceConfig);
    expect(demoDeviceConfig.demo).toBe(true);
  });

  it('names the file and the JSON problem when the file is not JSON', () => {
    expect(problems('{ "role": "kiosk", }')).toMatch(/^Config file device\.json is not valid JSON: /);
  });

  it('names every bad field and what was expected', () => {
    const message = problems(
      JSON.stringify({ ...good, role: 'printer', region: 'Midden Utrecht', printer: { type: 'tcp', host: 'p', port: 70000 } }),
    );
    expect(message).toContain('device.json has 3 problem(s)');
    expect(message).toMatch(/- role: .*"kiosk"\|"counter"/);
    expect(message).toMatch(/- region: expected a lower-case slug/);
    expect(message).toMatch(/- printer\.port: .*65535/);
  });

  it('refuses unknown keys, which are nearly always typos', () => {
    expect(problems(JSON.stringify({ ...good, idleSecond: 60 }))).toMatch(/\(root\): .*idleSecond/);
  });

  it('refuses a missing required field and a central API URL that is not http(s)', () => {
    const { location: _location, ...rest } = good;
    expect(problems(JSON.stringify(rest))).toMatch(/- location: /);
    expect(problems(JSON.stringify({ ...good, centralApiUrl: 'ftp://x' }))).toMatch(/- centralApiUrl: expected an http\(s\) URL/);
  });

  it('lists the content keys it trusts and refuses one that is not a raw Ed25519 public key', () => {
    const key = { id: 'content-2026', publicKey: 'T6oOjZjKg2pAzZ2gxA8hgxVlwZ9Cv9QsHdBEcRhWpJA=' };
    expect(parseDeviceConfig(JSON.stringify({ ...good, trustedContentKeys: [key] }), 'device.json').trustedContentKeys).toEqual([key]);
    expect(parseDeviceConfig(JSON.stringify(good), 'device.json').trustedContentKeys).toEqual([]);
    const pem = '-----BEGIN PUBLIC KEY-----MCowBQYDK2VwAyEA';
    expect(problems(JSON.stringify({ ...good, trustedContentKeys: [{ ...key, publicKey: pem }] }))).toMatch(/- trustedContentKeys\[0\]\.publicKey: expected a raw Ed25519 public key/);
  });

  it('says plainly when the file is missing', () => {
    const missing = join(tempDir('cfg'), 'nope.json');
    expect(() => loadDeviceConfig(missing)).toThrow(`Config file ${missing} cannot be read: it does not exist.`);
  });

  it('loads a file from disk', () => {
    const file = join(tempDir('cfg'), 'device.json');
    writeFileSync(file, JSON.stringify(good));
    expect(loadDeviceConfig(file).location.id).toBe('zwolle-centrum');
  });
});

describe('start arguments', () => {
  it('reads the same flags for both shells', () => {
    expect(parseStartArgs(['--browser', '--port', '8123', '--data-dir', '/tmp/x', '--key-dir', '/secure/k', '--config', 'c.json', '--role', 'counter'])).toEqual({
      browser: true,
      port: 8123,
      dataDir: '/tmp/x',
      keyDir: '/secure/k',
      configFile: 'c.json',
      role: 'counter',
      open: false,
    });
  });

  it('explains bad flags instead of throwing a stack trace', () => {
    expect(() => parseStartArgs(['--port', 'abc'])).toThrow(/--port expects a whole number/);
    expect(() => parseStartArgs(['--role', 'printer'])).toThrow(/--role expects kiosk, counter or fleet/);
    expect(() => parseStartArgs(['--colour'])).toThrow(/Known options: --browser/);
  });
});
