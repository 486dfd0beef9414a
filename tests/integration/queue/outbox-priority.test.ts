import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { BullmqJobQueue } from '../../../src/queue/bullmq-job-queue.js';
import { type RunningWorkers, startWorkers } from '../../../src/queue/bullmq-workers.js';
import type { SendClass } from '../../../src/tickets/outbox.js';

describe('BullmqJobQueue.enqueueOutbox', () => {
  let connection: Redis | undefined;
  let queue: BullmqJobQueue | undefined;
  let workers: RunningWorkers | undefined;

  afterEach(async () => {
    await workers?.close();
    await queue?.obliterate();
    await queue?.close();
    await connection?.quit();
  });

  it('takes emergencies first, then replies, then notices, then routine notices, each class in order', async () => {
    connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const prefix = `test-${randomUUID()}`;
    const classes = new Map<number, SendClass>([
      [8, 'routine'],
      [1, 'notice'],
      [2, 'reply'],
      [3, 'notice'],
      [4, 'emergency'],
      [5, 'emergency'],
      [6, 'reply'],
    ]);
    queue = new BullmqJobQueue(connection, prefix, undefined, { sendClassesOf: async () => classes });
    await queue.enqueueOutbox([8, 1, 2, 3]);
    await queue.enqueueOutbox([4, 5]);
    await queue.enqueueOutbox([6, 7]);

    const order: number[] = [];
    workers = startWorkers({
      connection,
      prefix,
      logger: silentLogger,
      processors: {
        outbox: async (job) => {
          order.push(job.outboxId);
        },
      },
    });
    await queue.waitIdle(10_000);

    // 7 has no class in the store (a row queued before classes were kept): a reply
    expect(order).toEqual([4, 5, 2, 6, 7, 1, 3, 8]);
  });
});
