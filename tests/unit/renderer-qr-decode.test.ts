import { describe, expect, it } from 'vitest';
import { decodeQr } from '../../renderer/src/kiosk/invitation/qr-decode';
import { qrPicture, rgba } from '../support/qr-image';

function frameOf(text: string, options?: Parameters<typeof qrPicture>[1]) {
  const picture = qrPicture(text, options);
  return { data: rgba(picture), width: picture.width, height: picture.height };
}

describe('reading an invitation letter QR from a camera frame', () => {
  it('reads the campaign code the letter carries, in a frame larger than the code', () => {
    expect(decodeQr(frameOf('UT45-AB12CD'))).toBe('UT45-AB12CD');
    expect(decodeQr(frameOf('ZW-HERSTART-01', { scale: 5, width: 640, height: 480 }))).toBe('ZW-HERSTART-01');
  });

  it('passes on what it read, whitespace trimmed: the core, not the screen, decides whether it is a code', () => {
    expect(decodeQr(frameOf('  <script>  '))).toBe('<script>');
    expect(decodeQr(frameOf('X'.repeat(200)))).toBe('X'.repeat(200));
  });

  it('reads nothing from a frame without a code, a blank code, noise or a frame of the wrong size', () => {
    const blank = new Uint8ClampedArray(320 * 240 * 4).fill(255);
    expect(decodeQr({ data: blank, width: 320, height: 240 })).toBeNull();
    expect(decodeQr(frameOf('   '))).toBeNull();
    let seed = 7;
    const noise = blank.map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    });
    expect(decodeQr({ data: noise, width: 320, height: 240 })).toBeNull();
    const real = frameOf('UT45-AB12CD');
    expect(decodeQr({ ...real, width: real.width + 1 })).toBeNull();
    expect(decodeQr({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBeNull();
  });

  it('misses a code whose corner is torn off: the test would pass on a decoder that guesses', () => {
    const picture = qrPicture('UT45-AB12CD');
    // Blank the top-left finder pattern (4 quiet modules + 7 finder modules, 8 px each).
    for (let y = 0; y < 88; y += 1) picture.luma.fill(255, y * picture.width, y * picture.width + 88);
    expect(decodeQr({ data: rgba(picture), width: picture.width, height: picture.height })).toBeNull();
  });
});
