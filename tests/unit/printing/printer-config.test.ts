import { describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../../electron/core/config/load-device-config';
import { composeReceipt } from '../../../electron/core/printing/compose-receipt';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { queueTicket } from '../../support/printing-fixtures';

const base = { role: 'kiosk', location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle' };
const parse = (printer: unknown) => parseDeviceConfig(JSON.stringify({ ...base, printer }), 'device.json');
const rejected = (printer: unknown): string => {
  try {
    parse(printer);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the printer section to be rejected');
};

describe('the printer section of the device config', () => {
  it('defaults to the virtual printer on 80 mm paper', () => {
    expect(DeviceConfigSchema.parse(base).printer).toEqual({ type: 'virtual', paperWidthMm: 80, giveUpAfterSeconds: 60 });
  });

  it('takes a STAR printer on 58 mm paper with a status URL', () => {
    expect(parse({ type: 'tcp', host: '192.0.2.10', model: 'star', paperWidthMm: 58, statusUrl: 'https://lbw.example/s/{code}' }).printer).toMatchObject({
      model: 'star',
      paperWidthMm: 58,
      statusUrl: 'https://lbw.example/s/{code}',
    });
  });

  it('names the field when the paper width, the model or the status URL is wrong', () => {
    expect(rejected({ type: 'tcp', host: 'p', paperWidthMm: 76 })).toMatch(/printer\.paperWidthMm/);
    expect(rejected({ type: 'tcp', host: 'p', model: 'zebra' })).toMatch(/printer\.model/);
    expect(rejected({ type: 'virtual', statusUrl: 'http://lbw.example/s/{code}' })).toMatch(/printer\.statusUrl: expected an https URL/);
    expect(rejected({ type: 'virtual', statusUrl: 'https://lbw.example/status' })).toMatch(/printer\.statusUrl: expected "\{code\}"/);
  });

  it('wraps every line to the characters per line IT configured', () => {
    const width = (charactersPerLine: number) =>
      Math.max(...composeReceipt(queueTicket(), { copy: false }, { shopName: 'Loopbaanwinkel Zwolle', charactersPerLine }).blocks.flatMap((b) => (b.type === 'text' ? b.lines.map((l) => l.length * b.size) : [])));
    expect(width(32)).toBeLessThanOrEqual(32);
    expect(width(42)).toBeGreaterThan(32);
    expect(width(42)).toBeLessThanOrEqual(42);
  });
});
