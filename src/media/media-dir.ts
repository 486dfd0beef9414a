import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { MediaFiles } from '../intake/voice.js';

/**
 * Photos and voice messages kept on disk under one folder (DATA_DIR/media), each under a name made from its
 * message key, so a redelivery overwrites rather than duplicates and nothing escapes the folder.
 */
export function createMediaDir(dir: string): MediaFiles & {
  save(messageKey: string, fileName: string, bytes: Uint8Array): Promise<string>;
} {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
  return {
    async save(messageKey, fileName, bytes) {
      await mkdir(dir, { recursive: true });
      const ref = `${safe(messageKey)}-${safe(basename(fileName))}`;
      await writeFile(join(dir, ref), bytes);
      return ref;
    },
    async read(ref) {
      if (ref !== basename(ref)) {
        return undefined;
      }
      try {
        return new Uint8Array(await readFile(join(dir, ref)));
      } catch {
        return undefined;
      }
    },
  };
}
