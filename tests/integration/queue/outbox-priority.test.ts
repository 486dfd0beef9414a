import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { BullmqJobQueue } from '../../../src/queue/bullmq-job-queue.js';
import { type RunningWorkers, startWorkers } from '../../../src/queue/bullmq-workers.js';

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

  it('sends an urgent (emergency) row ahead of a backlog of ordinary ones, the rest in order', async () => {
    connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const prefix = `test-${randomUUID()}`;
    queue = new BullmqJobQueue(connection, prefix);
    await queue.enqueueOutbox([1, 2, 3]);
    await queue.enqueueOutbox([4, 5], { urgent: true });
    await queue.enqueueOutbox([6]);

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

    expect(order).toEqual([4, 5, 1, 2, 3, 6]);
  });
});
