import { createHash, timingSafeEqual } from 'node:crypto';

/** An API client allowed to file requests, and its key (OPEN311_KEYS). */
export type ApiClient = { client: string; key: string };

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The client a key belongs to, or undefined. Every key is compared, in constant time over digests of equal
 * length, so the answer's timing does not tell how much of a key was right.
 */
export function clientOfKey(clients: readonly ApiClient[], key: string | undefined): string | undefined {
  if (key === undefined || key === '') {
    return undefined;
  }
  const given = digest(key);
  let found: string | undefined;
  for (const c of clients) {
    if (timingSafeEqual(digest(c.key), given) && found === undefined) {
      found = c.client;
    }
  }
  return found;
}
