import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { AccountMessenger } from '../../src/bot/messenger.js';
import { accountLabel } from '../../src/bot/wechaty/start-wechaty-bots.js';
import { systemClock } from '../../src/clock/clock.js';
import { silentLogger } from '../../src/logger.js';
import { deliverOutbox, waitInQueue } from '../../src/outbox/deliver-outbox.js';
import { routeOutbox } from '../../src/outbox/route-outbox.js';
import { SendBudget } from '../../src/outbox/send-budget.js';
import { BullmqJobQueue } from '../../src/queue/bullmq-job-queue.js';
import { type RunningWorkers, startWorkers } from '../../src/queue/bullmq-workers.js';
import { openTicketStore } from '../../src/store/open-ticket-store.js';
import type { OutboxMessage } from '../../src/tickets/outbox.js';

export type Sent = { text: string; to: string | null; room: string | null; at: number; account: string };

/**
 * The outbox's workers on a real store and Redis, with messengers that record what they are given. With
 * `accounts`, several bot accounts, each in the groups it lists (every account knows every person), behind
 * the router, each with its own budget of `perMinute` per `windowMs`.
 */
export async function startOutbox(options: {
  perMinute: number;
  windowMs?: number;
  batchWindowMs?: number;
  routineWindowMs?: number;
  /** The groups (topics) each account is in; one account in every group by default. */
  accounts?: ReadonlyArray<readonly string[]>;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-lanes-'));
  const tickets = await openTicketStore({ sqlitePath: join(dataDir, 'shaozi.db') });
  const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: null,
  });
  const prefix = `test-${randomUUID()}`;
  const groupsOf = options.accounts ?? [null];
  const queue = new BullmqJobQueue(connection, prefix, undefined, {
    sendClassesOf: (ids) => tickets.sendClassesOf(ids),
    accounts: groupsOf.length,
  });
  const sent: Sent[] = [];
  const senders = groupsOf.map((groups, i) => {
    const account = accountLabel(i);
    const messenger: AccountMessenger = {
      send: async (m) => {
        sent.push({ text: m.text, to: m.to, room: m.room, at: Date.now(), account });
      },
      reaches: async (m) => m.room === null || groups === null || groups.includes(m.room),
    };
    return { account, messenger, budget: new SendBudget(systemClock, options.perMinute, options.windowMs) };
  });
  const deps = {
    ...{ tickets, clock: systemClock, logger: silentLogger, mask: (t: string) => t },
    waitFor: waitInQueue,
    batchWindowMs: options.batchWindowMs ?? 0,
    routineWindowMs: options.routineWindowMs,
  };
  const delivers = senders.map(
    (sender) => (job: { outboxId: number }) => deliverOutbox({ ...deps, ...sender }, job),
  );
  const route = (job: { outboxId: number }) =>
    routeOutbox(
      {
        ...{ tickets, clock: systemClock, logger: silentLogger },
        accounts: senders.map((s, i) => ({ ...s, backlog: () => queue.accountBacklog(i) })),
        sendFrom: (i, id, sendClass) => queue.enqueueOnAccount(i, id, sendClass),
      },
      job,
    );
  let workers: RunningWorkers | undefined;
  return {
    tickets,
    queue,
    sent,
    /** Writes the messages to the store at `at` and queues them. */
    queueMessages: async (messages: OutboxMessage[], at = new Date()) => {
      const ids = await tickets.enqueueMessages(messages, { at, key: randomUUID() });
      await queue.enqueueOutbox(ids);
      return ids;
    },
    start: () => {
      const [only] = delivers;
      workers = startWorkers({
        connection,
        prefix,
        logger: silentLogger,
        processors:
          delivers.length === 1 && only ? { outbox: only } : { outbox: route, outboxAccounts: delivers },
      });
    },
    stopWorkers: async () => {
      await workers?.close();
      workers = undefined;
    },
    close: async () => {
      await workers?.close();
      await queue.obliterate();
      await queue.close();
      await connection.quit();
      await tickets.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Outbox = Awaited<ReturnType<typeof startOutbox>>;

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`not reached in ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An answer to 王阿姨 in her group, as toReporter makes it. */
export const groupReply = (text: string, room = '幸福里一区业主群'): OutboxMessage => ({
  ...{ room, roomId: `room-${room}`, to: null, toId: null },
  ...{ mentions: ['王阿姨'], mentionIds: ['wxid-wang'], text, sendClass: 'reply' },
});
