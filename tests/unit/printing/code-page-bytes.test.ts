import { describe, expect, it } from 'vitest';
import { encodeEscPos } from '../../../electron/core/printing/escpos-encoder';
import { fillTemplate, wrapText } from '../../../electron/core/printing/layout';
import { toCp858Text } from '../../../shared/printing/code-page-858';

const layoutOf = (text: string) => fillTemplate([{ type: 'text', text: '{x}' }], { x: toCp858Text(text) }, 32);

function indexOfBytes(haystack: Buffer, needle: number[]): number {
  return haystack.indexOf(Buffer.from(needle));
}

describe('bytes for Dutch letters and the euro sign', () => {
  it('selects code page 858 and sends ë é è ï ü € as its single bytes (EPSON)', async () => {
    const bytes = await encodeEscPos(layoutOf('ë é è ï ü €'), 'epson');
    expect(indexOfBytes(bytes, [0x1b, 0x74, 19])).toBeGreaterThanOrEqual(0);
    expect(indexOfBytes(bytes, [0x89, 0x20, 0x82, 0x20, 0x8a, 0x20, 0x8b, 0x20, 0x81, 0x20, 0xd5])).toBeGreaterThan(indexOfBytes(bytes, [0x1b, 0x74, 19]));
    // exactly one code page command: the library never switched away mid-receipt
    expect(bytes.toString('latin1').split('\x1bt').length - 1).toBe(1);
  });

  it('selects code page 858 with the Star command and the same character bytes (STAR)', async () => {
    const bytes = await encodeEscPos(layoutOf('één €'), 'star');
    expect(indexOfBytes(bytes, [0x1b, 0x1d, 0x74, 4])).toBeGreaterThanOrEqual(0);
    expect(indexOfBytes(bytes, [0x82, 0x82, 0x6e, 0x20, 0xd5])).toBeGreaterThan(0);
  });

  it('maps typographic quotes and dashes to plain ones and unknown symbols to "?", so the code page never switches', async () => {
    expect(toCp858Text('‘Zoë’ – “café” → ok…')).toBe("'Zoë' - \"café\" ? ok...");
    const bytes = await encodeEscPos(layoutOf('Zoë → €'), 'epson');
    expect(bytes.toString('latin1').split('\x1bt').length - 1).toBe(1);
    expect(indexOfBytes(bytes, [0x5a, 0x6f, 0x89, 0x20, 0x3f, 0x20, 0xd5])).toBeGreaterThan(0);
  });
});

describe('wrapping to the paper', () => {
  it('breaks at spaces, a word longer than the line after its own hyphen, and otherwise with a hyphen added', () => {
    expect(wrapText('Wat gebeurt er nu met je aanvraag?', 12)).toEqual(['Wat gebeurt', 'er nu met je', 'aanvraag?']);
    expect(wrapText('Zoëterwoude-Rijndijk', 16)).toEqual(['Zoëterwoude-', 'Rijndijk']);
    expect(wrapText('ABCDEFGHIJKLMNOP', 6)).toEqual(['ABCDE-', 'FGHIJ-', 'KLMNOP']);
  });
});
