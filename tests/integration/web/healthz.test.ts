import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { createWebApp, startWebServer } from '../../../src/web/web-server.js';
import { type RedisProcess, startRedisProcess } from '../../helpers/redis-process.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

let app: TestApp | undefined;
let redis: RedisProcess | undefined;
afterEach(async () => {
  await app?.stop();
  await redis?.stop();
  app = undefined;
  redis = undefined;
});

describe('GET /healthz', () => {
  it('is 200 while the store and Redis answer, shows work that waits, and 503 once Redis is gone', async () => {
    redis = await startRedisProcess();
    app = await startTestApp({ web: true, env: { REDIS_URL: redis.url, RECOVERY_GRACE_S: '0' } });
    const url = `${app.web?.url}/healthz`;

    const fine = await fetch(url);
    expect(fine.status).toBe(200);
    expect(await fine.json()).toEqual({
      ok: true,
      store: 'ok',
      redis: 'ok',
      waiting: { unread: 0, outbox: 0 },
    });

    // a message stored but never queued (Redis lost its job) is work that waits, and is shown
    const now = new Date();
    await app.tickets.recordMessage({
      ...{ key: 'never-queued', roomId: null, room: null, senderId: 'wxid-z', sender: '赵先生' },
      ...{ text: '8号楼门口的井盖丢了', kind: 'text', mentionsBot: false, sentAt: now, receivedAt: now },
    });
    const waiting = await fetch(url);
    expect(waiting.status).toBe(200);
    expect(((await waiting.json()) as { waiting: { unread: number } }).waiting.unread).toBe(1);

    await redis.kill();
    const started = Date.now();
    const down = await fetch(url);
    const tookMs = Date.now() - started;
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, store: 'ok', redis: 'down' });
    // a hung Redis is reported, not waited on
    expect(tookMs).toBeLessThan(5_000);
    await redis.restart();
  }, 60_000);

  it('a port in use is one sentence that says what to do', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      await expect(
        startWebServer({
          app: createWebApp({
            health: { unread: async () => 0, redis: async () => 'PONG', outboxBacklog: async () => 0 },
          }),
          host: '127.0.0.1',
          port,
          logger: silentLogger,
        }),
      ).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use: set WEB_PORT to a free port`);
    } finally {
      busy.close();
    }
  });
});
