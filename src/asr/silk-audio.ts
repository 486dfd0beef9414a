import { decode, isSilk, isWav } from 'silk-wasm';

/** WeChat's voice messages are SILK at 24 kHz. */
const SILK_RATE = 24_000;

/**
 * A voice message as a WAV file a transcription service accepts: SILK (WeChat, with or without its 0x02
 * prefix byte) is decoded to 16-bit PCM and given a WAV header; a WAV passes through. Anything else is
 * not audio the bot can read.
 */
export async function toWav(audio: Uint8Array): Promise<Uint8Array | undefined> {
  if (isWav(audio)) {
    return audio;
  }
  // silk-wasm reads WeChat's flavour (a 0x02 byte before #!SILK_V3) and the plain one alike
  if (!isSilk(audio)) {
    return undefined;
  }
  const pcm = await decode(audio, SILK_RATE);
  return wavOf(pcm.data, SILK_RATE);
}

/** A mono 16-bit PCM WAV file. */
export function wavOf(pcm: Uint8Array, sampleRate: number): Uint8Array {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return new Uint8Array(Buffer.concat([header, pcm]));
}
