import { describe, expect, it } from 'vitest';
import { AppInfoSchema } from '../../shared/contract/app-info';
import { channelNames, channels, isChannelName } from '../../shared/contract/channels';
import { BridgeResultSchema, httpStatusFor } from '../../shared/contract/errors';

describe('the bridge contract', () => {
  it('declares an input schema, an output schema and a summary for every channel', () => {
    expect(channelNames.length).toBeGreaterThan(0);
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(channels[name].summary.length).toBeGreaterThan(10);
      expect(typeof channels[name].input.safeParse).toBe('function');
      expect(typeof channels[name].output.safeParse).toBe('function');
    }
  });

  it('knows its own channels and nothing inherited from Object', () => {
    expect(isChannelName('app.info')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName(42)).toBe(false);
  });

  it('rejects extra fields on input, so a typo in a call is caught instead of ignored', () => {
    expect(channels['app.info'].input.safeParse({}).success).toBe(true);
    expect(channels['app.info'].input.safeParse({ role: 'kiosk' }).success).toBe(false);
  });

  it('limits what the renderer may write into the device log', () => {
    const input = channels['app.reportError'].input;
    expect(input.safeParse({ screen: 'kiosk.welcome', message: 'x' }).success).toBe(true);
    expect(input.safeParse({ screen: 'kiosk.welcome', message: 'x'.repeat(501) }).success).toBe(false);
    expect(input.safeParse({ screen: 'Kiosk Welcome!', message: 'x' }).success).toBe(false);
  });

  it('describes the device in app.info and rejects an unknown role', () => {
    const info = {
      productName: 'Loopbaanwinkel Kiosk',
      appVersion: '0.1.0',
      role: 'kiosk',
      mode: 'shop',
      demo: true,
      location: { id: 'utrecht-centrum', name: 'Utrecht' },
      region: 'midden-utrecht',
      defaultLanguage: 'nl',
      theme: { brand: '#005a32', brandContrast: '#ffffff' },
      idleSeconds: 90,
      content: null,
      shell: 'browser',
    };
    expect(AppInfoSchema.parse(info)).toEqual(info);
    expect(AppInfoSchema.safeParse({ ...info, theme: null }).success).toBe(true);
    expect(AppInfoSchema.safeParse({ ...info, role: 'printer' }).success).toBe(false);
  });

  it('gives every error code an HTTP status and a result envelope both transports share', () => {
    expect(httpStatusFor.invalid_input).toBe(400);
    expect(httpStatusFor.unauthorized).toBe(401);
    expect(httpStatusFor.unknown_channel).toBe(404);
    expect(BridgeResultSchema.safeParse({ ok: false, error: { code: 'nope', message: '' } }).success).toBe(false);
  });
});
