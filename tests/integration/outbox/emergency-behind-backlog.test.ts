import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { noticeTo } from '../../../src/outbox/address.js';
import { BullmqJobQueue } from '../../../src/queue/bullmq-job-queue.js';
import { BullmqTimers } from '../../../src/queue/bullmq-timers.js';
import { until } from '../../helpers/outbox-kit.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const GROUP = '幸福里一区业主群';
const BACKLOG = 1_000;

/** Removes what a halted app left in Redis and on disk. */
async function cleanUp(app: TestApp): Promise<void> {
  const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: null,
  });
  const queue = new BullmqJobQueue(connection, app.queuePrefix);
  const timers = new BullmqTimers(connection, app.queuePrefix);
  await queue.obliterate();
  await timers.obliterate();
  await queue.close();
  await timers.close();
  await connection.quit();
  rmSync(app.dataDir, { recursive: true, force: true });
}

describe('the bot behind a backlog of 1,000 staff notices (20 messages a minute)', () => {
  let app: TestApp | undefined;

  afterEach(async () => {
    if (app) {
      await cleanUp(app);
    }
    app = undefined;
  });

  it('answers an emergency within 5 s and stops within 5 s, leaving the backlog queued', async () => {
    const warnings: string[] = [];
    app = await startTestApp({
      logger: createLogger('warn', { write: (line) => warnings.push(JSON.parse(line).event) }),
    });
    const a = app;
    const ids = await a.tickets.enqueueMessages(
      Array.from({ length: BACKLOG }, (_, i) => noticeTo('李明', `测试通知 ${i + 1}`)),
      { at: new Date(), key: 'backlog' },
    );
    await a.queue.enqueueOutbox(ids);
    // the notices take what the minute leaves them, then wait for the next
    await until(() => a.sent.length >= 16, 10_000);

    const said = Date.now();
    a.world.say({ from: '赵先生', room: GROUP, text: '6号楼厨房着火了，浓烟从窗户冒出来' });
    await until(() => a.sent.some((m) => m.room === GROUP), 5_000);

    const answer = a.sent.findIndex((m) => m.room === GROUP);
    expect(a.sent[answer]?.text).toContain('119');
    expect((a.sentWallMs[answer] ?? Number.POSITIVE_INFINITY) - said).toBeLessThan(5_000);
    expect(a.sent.filter((m) => m.text.startsWith('测试通知')).length).toBeLessThanOrEqual(16);
    expect((await a.tickets.pendingOutbox(BACKLOG)).length).toBeGreaterThan(BACKLOG - 20);
    const stopping = Date.now();
    await a.halt();
    const stopMs = Date.now() - stopping;
    const answerMs = (a.sentWallMs[answer] ?? 0) - said;
    process.stdout.write(
      `outbox backlog ${BACKLOG} notices: emergency answered in ${answerMs} ms, stop() ${stopMs} ms\n`,
    );
    expect(stopMs).toBeLessThan(5_000);
    expect(warnings).not.toContain('queue.worker.close_timeout');
  }, 60_000);
});
