import { describe, expect, it } from 'vitest';
import { InlineJobQueue } from '../../../src/queue/inline-job-queue.js';

/** A queue whose processors log what they run; intake of `a` queues outbox row 1, and `boom` throws. */
function loggingQueue() {
  const ran: string[] = [];
  const queue = new InlineJobQueue();
  queue.attach({
    intake: async ({ messageKey }) => {
      ran.push(`intake ${messageKey}`);
      if (messageKey === 'boom') {
        throw new Error('the processor failed');
      }
      if (messageKey === 'a') {
        await queue.enqueueOutbox([1]);
        // queued again while it is read: still one job
        await queue.enqueueIntake('a');
      }
    },
    outbox: async ({ outboxId }) => {
      ran.push(`outbox ${outboxId}`);
    },
  });
  return { queue, ran };
}

describe('the inline job queue', () => {
  it('reads the emergency lane first, then intake in arrival order, then what intake queued for the outbox', async () => {
    const { queue, ran } = loggingQueue();
    await queue.enqueueIntake('a');
    await queue.enqueueIntake('b');
    await queue.enqueueIntake('b');
    await queue.enqueueIntake('fire', { urgent: true });
    expect(await queue.outboxBacklog()).toBe(0);

    await queue.waitIdle();

    expect(ran).toEqual(['intake fire', 'intake a', 'intake b', 'outbox 1']);
    expect(await queue.outboxBacklog()).toBe(0);
  });

  it('requeues only keys not already waiting, and runs nothing until asked', async () => {
    const { queue, ran } = loggingQueue();
    await queue.enqueueIntake('b');
    expect(await queue.requeueIntake(['b', 'c'])).toEqual(['c']);
    expect(ran).toEqual([]);
    await queue.waitIdle();
    expect(ran).toEqual(['intake b', 'intake c']);
  });

  it('stops at a job that throws, with its error, and keeps that job for the next drain', async () => {
    const { queue, ran } = loggingQueue();
    await queue.enqueueIntake('boom');
    await queue.enqueueIntake('b');
    await expect(queue.waitIdle()).rejects.toThrow('the processor failed');
    expect(ran).toEqual(['intake boom']);
    await expect(queue.waitIdle()).rejects.toThrow('the processor failed');
  });

  it('refuses to run without processors', async () => {
    const queue = new InlineJobQueue();
    await queue.enqueueIntake('a');
    await expect(queue.waitIdle()).rejects.toThrow('no processors');
  });
});
