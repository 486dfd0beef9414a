import { AppError } from '../../errors.js';
import type { StaffChannel } from '../staff-channel.js';

/** The errcodes WeCom answers for an access token that is wrong or expired: a new one is fetched once. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** The errcodes for a user id WeCom does not know (or the app may not reach). */
const UNKNOWN_USER = new Set([60111, 81013, 40031]);
/** A token is fetched again this long before WeCom says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

type WecomAnswer = { errcode?: number; errmsg?: string };
type TokenAnswer = WecomAnswer & { access_token?: string; expires_in?: number };
type SendAnswer = WecomAnswer & { invaliduser?: string };

export type WecomAppSettings = { apiUrl: string; corpId: string; secret: string; agentId: number };

/**
 * Staff notices as WeCom (企业微信) application text messages, over its HTTP API (`gettoken`, then
 * `message/send`); the access token is kept until shortly before it expires. Staff are found by the WeCom
 * user id the directory gives them.
 */
export class WecomAppChannel implements StaffChannel {
  private token: { value: string; until: number } | undefined;

  constructor(
    private readonly settings: WecomAppSettings,
    private readonly userIdOf: (name: string) => string | undefined,
  ) {}

  reaches(name: string): boolean {
    return this.userIdOf(name) !== undefined;
  }

  async send(name: string, text: string): Promise<void> {
    const userId = this.userIdOf(name);
    if (userId === undefined) {
      throw new AppError('CONTACT_NOT_FOUND', { message: `no WeCom id for ${name}` });
    }
    let answer = await this.post(userId, text, await this.accessToken());
    if (STALE_TOKEN.has(answer.errcode ?? 0)) {
      this.token = undefined;
      answer = await this.post(userId, text, await this.accessToken());
    }
    if (UNKNOWN_USER.has(answer.errcode ?? 0) || (answer.invaliduser ?? '') !== '') {
      throw new AppError('CONTACT_NOT_FOUND', { message: `WeCom does not reach ${name} (${userId})` });
    }
    if (answer.errcode !== 0) {
      throw new Error(`WeCom message/send: ${answer.errcode} ${answer.errmsg ?? ''}`);
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) {
      return this.token.value;
    }
    const url = new URL('/cgi-bin/gettoken', this.settings.apiUrl);
    url.searchParams.set('corpid', this.settings.corpId);
    url.searchParams.set('corpsecret', this.settings.secret);
    const answer = (await call(url, { method: 'GET' })) as TokenAnswer;
    if (answer.errcode !== 0 || !answer.access_token) {
      throw new Error(`WeCom gettoken: ${answer.errcode} ${answer.errmsg ?? ''}`);
    }
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    this.token = { value: answer.access_token, until: Date.now() + lifetimeMs - TOKEN_MARGIN_MS };
    return answer.access_token;
  }

  private async post(userId: string, text: string, token: string): Promise<SendAnswer> {
    const url = new URL('/cgi-bin/message/send', this.settings.apiUrl);
    url.searchParams.set('access_token', token);
    const body = { touser: userId, msgtype: 'text', agentid: this.settings.agentId, text: { content: text } };
    return (await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })) as SendAnswer;
  }
}

/** One request to the API; a non-2xx answer or a timeout throws (the outbox retries it later). */
async function call(url: URL, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    throw new Error(`WeCom ${url.pathname}: HTTP ${response.status}`);
  }
  return response.json();
}
