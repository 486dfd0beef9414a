import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWebCommand } from '../../../src/cli/web-command.js';
import { openTicketStore } from '../../../src/store/open-ticket-store.js';
import { startTestApp } from '../../helpers/test-app.js';

describe('npx shaozi web', () => {
  it('serves the dashboard over a stopped bot’s store, its login codes left in the outbox for the bot', async () => {
    const app = await startTestApp();
    await app.say({ from: '王阿姨', room: '幸福里一区业主群', text: '3号楼电梯坏了，老人下不了楼' });
    await app.halt();
    const db = join(app.dataDir, 'shaozi.db');

    const out: string[] = [];
    const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l) };
    let stop: (v?: unknown) => void = () => {};
    const stopped = new Promise((resolve) => {
      stop = resolve;
    });
    const env = { LOG_LEVEL: 'silent', PATH: process.env.PATH };
    const running = runWebCommand(['--db', db, '--port', '0', '--host', '127.0.0.1'], io, env, stopped);
    for (let i = 0; i < 200 && out.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const base = /dashboard: (http:\/\/[^/]+)\/login/.exec(out[0] ?? '')?.[1];
    expect(base).toBeDefined();

    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({
      ok: true,
      store: 'ok',
      redis: 'unused',
    });
    await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ name: '李明' }) });
    const store = await openTicketStore({ sqlitePath: db });
    const row = (await store.pendingOutbox(100)).find((r) => r.to === '李明' && r.text.includes('登录码'));
    await store.close();
    const code = /(\d{6})/.exec(row?.text ?? '')?.[1] ?? '';
    const login = await fetch(`${base}/login/code`, {
      method: 'POST',
      body: new URLSearchParams({ name: '李明', code }),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = await (await fetch(`${base}/tickets`, { headers: { cookie } })).text();
    expect(list).toContain('href="/tickets/1"');

    stop();
    expect(await running).toBe(0);
  });

  it('says in one line what is wrong with its arguments', async () => {
    const lines: string[] = [];
    const io = { stdout: (l: string) => lines.push(l), stderr: (l: string) => lines.push(l) };
    expect(await runWebCommand(['--db', '/no/such.db'], io, {}, Promise.resolve())).toBe(2);
    expect(await runWebCommand(['--port', 'eighty'], io, {}, Promise.resolve())).toBe(2);
    expect(lines[0]).toBe('no such database file: /no/such.db');
    expect(lines[1]).toContain('--port must be a port number');
  });
});
