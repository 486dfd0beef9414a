import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { BullmqJobQueue } from '../../../src/queue/bullmq-job-queue.js';
import { type RunningWorkers, startWorkers } from '../../../src/queue/bullmq-workers.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the ordinary intake lane in partitions', () => {
  const connections: Redis[] = [];
  const running: RunningWorkers[] = [];
  let queue: BullmqJobQueue | undefined;

  afterEach(async () => {
    for (const w of running.splice(0)) {
      await w.close();
    }
    await queue?.obliterate();
    await queue?.close();
    for (const c of connections.splice(0)) {
      await c.quit();
    }
  });

  const connect = () => {
    const c = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    connections.push(c);
    return c;
  };

  it('reads one conversation in order across two worker processes, and two conversations side by side', async () => {
    const prefix = `test-${randomUUID()}`;
    // conversation a in partition 0, b in partition 1; the message key says which and its place in it
    queue = new BullmqJobQueue(connect(), prefix, silentLogger, {
      intakePartitions: 2,
      orderKeyOf: async (key) => key.split('-')[0] ?? key,
      partitionOf: (orderKey) => (orderKey === 'a' ? 0 : 1),
    });
    const order = new Map<string, number[]>([
      ['a', []],
      ['b', []],
    ]);
    const active = new Map<string, number>();
    const overlaps: string[] = [];
    const byProcess = [0, 0];
    let bStarted = false;
    const read = (process: number) => async (job: { messageKey: string }) => {
      const [conversation = '', n] = job.messageKey.split('-');
      if ((active.get(conversation) ?? 0) > 0) {
        overlaps.push(job.messageKey);
      }
      active.set(conversation, (active.get(conversation) ?? 0) + 1);
      byProcess[process] = (byProcess[process] ?? 0) + 1;
      if (conversation === 'b') {
        bStarted = true;
      }
      if (job.messageKey === 'a-0') {
        // a's first message waits for b to start: only partitions read side by side let it
        const until = Date.now() + 5_000;
        while (!bStarted && Date.now() < until) {
          await sleep(5);
        }
        expect(bStarted, 'b started while a was being read').toBe(true);
      }
      await sleep(5 + ((Number(n) * 7) % 20));
      order.get(conversation)?.push(Number(n));
      active.set(conversation, (active.get(conversation) ?? 1) - 1);
    };
    for (let i = 0; i < 12; i++) {
      await queue.enqueueIntake(`a-${i}`);
      await queue.enqueueIntake(`b-${i}`);
    }
    // two intake processes on the same queues, each with a worker per partition
    for (const process of [0, 1]) {
      running.push(
        startWorkers({
          connection: connect(),
          prefix,
          logger: silentLogger,
          intakePartitions: 2,
          processors: { intake: read(process) },
        }),
      );
    }
    await queue.waitIdle(20_000);

    const inOrder = Array.from({ length: 12 }, (_, i) => i);
    expect(order.get('a')).toEqual(inOrder);
    expect(order.get('b')).toEqual(inOrder);
    expect(overlaps).toEqual([]);
    expect((byProcess[0] ?? 0) + (byProcess[1] ?? 0)).toBe(24);
  }, 30_000);
});
