import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway redis-server on a free port, that a test may kill and start again: without persistence by
 * default, or with an append-only file written on every command (`persist`), as an operator should run it.
 */
export type RedisProcess = {
  url: string;
  /** SIGKILL: without persistence the data is gone, with it what was written survives. */
  kill(): Promise<void>;
  /** Starts it again on the same port: empty, or with its data when persistent. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export async function startRedisProcess(
  options: { persist?: boolean /** more redis-server arguments */; args?: string[] } = {},
): Promise<RedisProcess> {
  const port = await freePort();
  const dir = options.persist ? mkdtempSync(join(tmpdir(), 'shaozi-redis-')) : undefined;
  const persistence = dir
    ? ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '']
    : ['--save', '', '--appendonly', 'no'];
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', ...persistence, ...(options.args ?? [])];
    child = spawn('redis-server', args, {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 5_000;
    for (;;) {
      const client = new Redis(port, '127.0.0.1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        if (Date.now() > deadline) {
          throw new Error(`redis-server did not start on port ${port}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) {
      return;
    }
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  const stop = async () => {
    await kill();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `redis://127.0.0.1:${port}`, kill, restart: start, stop };
}
