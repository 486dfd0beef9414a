import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { ensureRedis } from '../../../src/queue/redis-server.js';
import { freePort } from '../../helpers/redis-process.js';

describe('ensureRedis', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-redis-'));

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses the Redis that answers at REDIS_URL', async () => {
    const endpoint = await ensureRedis({
      url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      dataDir,
      logger: silentLogger,
    });

    expect(endpoint.url).toMatch(/^redis:\/\//);
    await endpoint.stop();
  });

  it('fails with one sentence on what to do when REDIS_URL does not answer', async () => {
    const error = await ensureRedis({ url: 'redis://127.0.0.1:1', dataDir, logger: silentLogger }).catch(
      (e: unknown) => e,
    );

    expect(isAppError(error) && error.code).toBe('REDIS_UNAVAILABLE');
    expect((error as Error).message).toMatch(/does not answer: start it, or unset REDIS_URL/);
  });

  it('starts a local redis-server when nothing answers on the default port, and stops it', async () => {
    const port = await freePort();

    const endpoint = await ensureRedis({ dataDir, logger: silentLogger, localPort: port });
    expect(endpoint.url).toBe(`redis://127.0.0.1:${port}`);
    const client = new Redis(endpoint.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();

    expect(await client.ping()).toBe('PONG');
    client.disconnect();
    await endpoint.stop();
    const after = new Redis(endpoint.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });
});
