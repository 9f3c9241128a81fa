/**
 * espeak-ng writing to a pipe cannot seek back, so its WAV header says "as long as possible"
 * (0x7fffffff) for both the file and the data chunk. A browser plays that, but cannot tell how
 * long it is, and sox reads it as empty. With the whole output in hand, the real sizes go in.
 */
export function sealWav(bytes: Buffer): { wav: Buffer; durationMs: number } {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('the synthesiser did not answer with WAV audio');
  }
  let byteRate = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 12 <= bytes.length) byteRate = bytes.readUInt32LE(body + 8);
    if (id === 'data') {
      if (byteRate === 0) throw new Error('the WAV audio has no format before its data');
      const wav = Buffer.from(bytes);
      const dataBytes = wav.length - body;
      wav.writeUInt32LE(wav.length - 8, 4);
      wav.writeUInt32LE(dataBytes, offset + 4);
      return { wav, durationMs: Math.round((dataBytes / byteRate) * 1000) };
    }
    offset = body + bytes.readUInt32LE(offset + 4);
  }
  throw new Error('the WAV audio has no data');
}
