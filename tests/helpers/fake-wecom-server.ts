import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One application message the fake WeCom API accepted. */
export type WecomMessage = { token: string; touser: string; agentid: number; content: string };

export type FakeWecomServer = {
  /** Pass as WECOM_API_URL. */
  url: string;
  /** Tokens handed out by `gettoken`, in order. */
  tokens: string[];
  messages: WecomMessage[];
  /** Answers the next `message/send` calls with these errcodes first (42001: token expired). */
  failNext(...errcodes: number[]): void;
  close(): Promise<void>;
};

/**
 * WeCom's `cgi-bin/gettoken` and `cgi-bin/message/send` on 127.0.0.1, as the API answers them: errcode 0 on
 * success, 40013 for a wrong corp id or secret, 42001 for a token it no longer accepts, `invaliduser` for a
 * user id it does not know.
 */
export async function startFakeWecomServer(options: {
  corpId: string;
  secret: string;
  users: readonly string[];
}): Promise<FakeWecomServer> {
  const tokens: string[] = [];
  const messages: WecomMessage[] = [];
  const failures: number[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/cgi-bin/gettoken') {
      if (
        url.searchParams.get('corpid') !== options.corpId ||
        url.searchParams.get('corpsecret') !== options.secret
      ) {
        answer({ errcode: 40013, errmsg: 'invalid corpid' });
        return;
      }
      const token = `token-${tokens.length + 1}`;
      tokens.push(token);
      answer({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/send') {
      let raw = '';
      req.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      req.on('end', () => {
        const token = url.searchParams.get('access_token') ?? '';
        const failure = failures.shift();
        if (failure !== undefined) {
          answer({ errcode: failure, errmsg: 'scripted failure' });
          return;
        }
        if (token !== tokens.at(-1)) {
          answer({ errcode: 40014, errmsg: 'invalid access_token' });
          return;
        }
        const body = JSON.parse(raw) as { touser: string; agentid: number; text: { content: string } };
        if (!options.users.includes(body.touser)) {
          answer({ errcode: 0, errmsg: 'ok', invaliduser: body.touser });
          return;
        }
        messages.push({ token, touser: body.touser, agentid: body.agentid, content: body.text.content });
        answer({ errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${messages.length}` });
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    messages,
    failNext: (...errcodes) => {
      failures.push(...errcodes);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
