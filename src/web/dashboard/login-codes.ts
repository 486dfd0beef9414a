import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a login code stands, how often one may be asked for, how many wrong tries void it. */
export const LOGIN_CODE_SETTINGS = { ttlMs: 10 * 60_000, resendAfterMs: 60_000, maxTries: 5 } as const;

type Pending = { hash: Buffer; issuedAt: number; tries: number };

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'none';

/**
 * One-time login codes, kept in memory (hashed) by the process that serves the dashboard. A code is good
 * once, for ten minutes and five tries; a new one is given at most once a minute per person.
 */
export function createLoginCodes(now: () => number, settings = LOGIN_CODE_SETTINGS) {
  const pending = new Map<string, Pending>();
  const digest = (code: string) => createHash('sha256').update(code).digest();
  return {
    /** A fresh six-digit code for `name`, or null when one was given less than a minute ago. */
    issue(name: string): string | null {
      const last = pending.get(name);
      if (last && now() - last.issuedAt < settings.resendAfterMs) {
        return null;
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      pending.set(name, { hash: digest(code), issuedAt: now(), tries: 0 });
      return code;
    },
    /** Checks and, when right, uses up the code; an expired code or too many tries voids it. */
    check(name: string, code: string): CodeCheck {
      const p = pending.get(name);
      if (!p) {
        return 'none';
      }
      if (now() - p.issuedAt > settings.ttlMs) {
        pending.delete(name);
        return 'expired';
      }
      const given = digest(code.trim());
      if (timingSafeEqual(given, p.hash)) {
        pending.delete(name);
        return 'ok';
      }
      p.tries += 1;
      if (p.tries >= settings.maxTries) {
        pending.delete(name);
      }
      return 'wrong';
    },
  };
}

export type LoginCodes = ReturnType<typeof createLoginCodes>;
