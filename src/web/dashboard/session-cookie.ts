import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed session: who logged in and until when. Nothing else is kept; roles are read afresh each time. */
export type Session = { name: string; expiresAt: number };

export const SESSION_COOKIE = 'shaozi_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** `base64url(json).signature`, signed with the dashboard's secret. */
export function sealSession(secret: Buffer, session: Session): string {
  const body = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The session in a cookie value, or null when it is missing, forged or expired. */
export function openSession(secret: Buffer, value: string | undefined, now: number): Session | null {
  if (!value) {
    return null;
  }
  const [body, signature, extra] = value.split('.');
  if (!body || !signature || extra !== undefined) {
    return null;
  }
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return null;
  }
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Session>;
    if (typeof s.name !== 'string' || typeof s.expiresAt !== 'number' || s.expiresAt <= now) {
      return null;
    }
    return { name: s.name, expiresAt: s.expiresAt };
  } catch {
    return null;
  }
}

/** A compound's public share link token: anyone with it reads that compound's weekly summary, nothing else. */
export const shareToken = (secret: Buffer, compound: string): string =>
  sign(secret, `share:${compound}`).slice(0, 22);

export function isShareToken(secret: Buffer, compound: string, token: string): boolean {
  const expected = Buffer.from(shareToken(secret, compound));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
