/**
 * IBM code page 858 (850 with the euro sign at 0xD5), bytes 0x80-0xFF. Receipts are printed in it
 * because it holds every Dutch letter (ë, é, è, ï, ü, ...) and the euro sign; 437 and 850 lack €.
 */
const upperHalf =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜø£Ø×ƒ' +
  'áíóúñÑªº¿®¬½¼¡«»' +
  '░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤' +
  'ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´' +
  '\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

export function decodeCp858Byte(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return upperHalf[byte - 0x80] ?? '?';
}

const printable = new Set(upperHalf);

/** Typographic characters people paste into content, mapped to what the printer has. */
const standIns: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
};

/**
 * Makes text safe for the printer: characters outside code page 858 would make the printing
 * library switch code page mid-receipt, after which every following ë or € prints as garbage.
 */
export function toCp858Text(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f) out += char;
    else if (standIns[char] !== undefined) out += standIns[char];
    else if (printable.has(char) && code >= 0xa0) out += char;
    else out += '?';
  }
  return out;
}
