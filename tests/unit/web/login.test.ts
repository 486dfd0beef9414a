import { describe, expect, it } from 'vitest';
import { createLoginCodes, LOGIN_CODE_SETTINGS } from '../../../src/web/dashboard/login-codes.js';
import {
  isShareToken,
  openSession,
  sealSession,
  shareToken,
} from '../../../src/web/dashboard/session-cookie.js';

const SECRET = Buffer.from('a secret of the dashboard, 32 bytes');

describe('one-time login codes', () => {
  it('is six digits, good once', () => {
    let now = 0;
    const codes = createLoginCodes(() => now);
    const code = codes.issue('李明') ?? '';
    expect(code).toMatch(/^\d{6}$/);
    now += 1_000;
    expect(codes.check('李明', code)).toBe('ok');
    expect(codes.check('李明', code)).toBe('none');
  });

  it('expires after ten minutes', () => {
    let now = 0;
    const codes = createLoginCodes(() => now);
    const code = codes.issue('李明') ?? '';
    now += LOGIN_CODE_SETTINGS.ttlMs + 1;
    expect(codes.check('李明', code)).toBe('expired');
    expect(codes.check('李明', code)).toBe('none');
  });

  it('is voided by five wrong tries, and belongs to its person only', () => {
    const codes = createLoginCodes(() => 0);
    const code = codes.issue('李明') ?? '';
    expect(codes.check('张伟', code)).toBe('none');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < LOGIN_CODE_SETTINGS.maxTries; i += 1) {
      expect(codes.check('李明', wrong)).toBe('wrong');
    }
    expect(codes.check('李明', code)).toBe('none');
  });

  it('gives a new code at most once a minute per person', () => {
    let now = 0;
    const codes = createLoginCodes(() => now);
    const first = codes.issue('李明');
    expect(codes.issue('李明')).toBeNull();
    now += LOGIN_CODE_SETTINGS.resendAfterMs;
    const second = codes.issue('李明') ?? '';
    // the newer code replaces the older one
    if (second !== first) {
      expect(codes.check('李明', first ?? '')).toBe('wrong');
    }
    expect(codes.check('李明', second)).toBe('ok');
  });
});

describe('session cookies and share links', () => {
  it('opens what it sealed, until it expires', () => {
    const sealed = sealSession(SECRET, { name: '刘桂兰', expiresAt: 10_000 });
    expect(openSession(SECRET, sealed, 9_999)).toEqual({ name: '刘桂兰', expiresAt: 10_000 });
    expect(openSession(SECRET, sealed, 10_000)).toBeNull();
  });

  it('refuses a cookie signed with another secret or edited', () => {
    const sealed = sealSession(SECRET, { name: '李明', expiresAt: 10_000 });
    expect(openSession(Buffer.from('another'), sealed, 0)).toBeNull();
    const [, signature] = sealed.split('.');
    const edited = `${Buffer.from(JSON.stringify({ name: '刘桂兰', expiresAt: 10_000 })).toString('base64url')}.${signature}`;
    expect(openSession(SECRET, edited, 0)).toBeNull();
    expect(openSession(SECRET, 'garbage', 0)).toBeNull();
    expect(openSession(SECRET, undefined, 0)).toBeNull();
  });

  it('signs a share link per compound', () => {
    const token = shareToken(SECRET, '锦苑');
    expect(isShareToken(SECRET, '锦苑', token)).toBe(true);
    expect(isShareToken(SECRET, '幸福里一区', token)).toBe(false);
    expect(isShareToken(SECRET, '锦苑', token.slice(1))).toBe(false);
  });
});
