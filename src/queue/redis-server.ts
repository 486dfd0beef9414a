import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

export type RedisEndpoint = { url: string; stop(): Promise<void> };

/**
 * Finds the Redis to use: REDIS_URL, else the one at 127.0.0.1:6379, else a local `redis-server` started here
 * (stopped with the process); fails with one sentence on what to do when none can be had.
 */
export async function ensureRedis(options: {
  url?: string | undefined;
  dataDir: string;
  logger: Logger;
  /** The port of the local default (6379); tests use another so as not to disturb the machine's Redis. */
  localPort?: number;
}): Promise<RedisEndpoint> {
  const port = options.localPort ?? 6379;
  const url = options.url ?? `redis://127.0.0.1:${port}`;
  if (await answers(url)) {
    return { url, stop: async () => {} };
  }
  if (options.url !== undefined) {
    throw new AppError('REDIS_UNAVAILABLE', {
      message: `Redis at REDIS_URL (${redact(url)}) does not answer: start it, or unset REDIS_URL to use a local redis-server.`,
    });
  }
  if (!hasRedisServer()) {
    throw new AppError('REDIS_UNAVAILABLE', {
      message: `No Redis answers on 127.0.0.1:${port} and redis-server is not installed: install it (apt-get install redis-server) or set REDIS_URL.`,
    });
  }
  return startLocalRedis(options.dataDir, port, options.logger);
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function startLocalRedis(dataDir: string, port: number, logger: Logger): Promise<RedisEndpoint> {
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '60 1'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await answers(url)) {
      logger.info({ event: 'queue.redis.started', dir }, 'started a local redis-server');
      return {
        url,
        stop: async () => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new AppError('REDIS_UNAVAILABLE', {
    message: `redis-server was started but does not answer on 127.0.0.1:${port}.`,
  });
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
