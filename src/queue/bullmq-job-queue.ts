import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Logger } from '../logger.js';
import type { SendClass } from '../tickets/outbox.js';
import type { JobQueue } from './job-queue.js';
import {
  DEFAULT_ATTEMPTS,
  intakePartitionName,
  intakePartitionOf,
  outboxAccountName,
  QUEUE_NAMES,
} from './jobs.js';
import { logQueueErrors } from './queue-errors.js';
import type { RedisConnection } from './redis-connection.js';

/**
 * The outbox's lanes, as BullMQ priorities in the one outbox queue: its single worker always takes the
 * highest class waiting, in order within a class, so a backlog of notices never stands before a reply or an
 * emergency. BullMQ runs jobs without a priority before every prioritized one, so every class carries one.
 */
const OUTBOX_PRIORITY = { emergency: 1, reply: 2, notice: 3, routine: 4 } as const satisfies Record<
  SendClass,
  number
>;

const CLEANUP = {
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** Job id of a message's intake: the same message is the same job. */
export function intakeJobId(messageKey: string): string {
  return `intake-${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}`;
}

/**
 * The job that sends an outbox row, in its class's lane. No custom job id: row ids start again at 1 in a
 * fresh store while Redis may still hold finished jobs of an old one; delivery skips a row already sent, so a
 * second job for a row is harmless.
 */
function sendJob(outboxId: number, sendClass: SendClass) {
  return {
    name: 'send',
    data: { outboxId },
    opts: {
      attempts: DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential' as const, delay: 2000 },
      priority: OUTBOX_PRIORITY[sendClass],
      ...CLEANUP,
    },
  };
}

export type BullmqJobQueueOptions = {
  /** The send class of each outbox row, from the store; without it every row is queued as a reply. */
  sendClassesOf?: (ids: readonly number[]) => Promise<ReadonlyMap<number, SendClass>>;
  /**
   * How many partitions the ordinary intake lane has (1 by default); every process of a deployment must use
   * the same number, since the partition of a conversation follows from it.
   */
  intakePartitions?: number;
  /**
   * The conversation a stored message belongs to (intake/intake-order.ts), for a message queued again
   * without one; without it such a message is its own conversation.
   */
  orderKeyOf?: (messageKey: string) => Promise<string>;
  /** The partition of a conversation (the same in every process); by default a hash of its key. */
  partitionOf?: (orderKey: string, partitions: number) => number;
  /**
   * How many bot accounts send (1 by default). With more, the outbox queue routes and each account has a
   * queue of its own (`outboxAccountName`).
   */
  accounts?: number;
};

/** The JobQueue on BullMQ; it does not own the connection it is given. */
export class BullmqJobQueue implements JobQueue {
  /** The ordinary intake lane's partitions (see `intakePartitionName`). */
  readonly intake: readonly Queue[];
  readonly intakeUrgent: Queue;
  readonly outbox: Queue;
  /** Each bot account's own outbox queue, when there are several accounts; empty with one. */
  readonly accountOutbox: readonly Queue[];

  private readonly sendClassesOf: NonNullable<BullmqJobQueueOptions['sendClassesOf']>;
  private readonly orderKeyOf: NonNullable<BullmqJobQueueOptions['orderKeyOf']>;
  private readonly partitionOf: NonNullable<BullmqJobQueueOptions['partitionOf']>;
  /**
   * Each intake partition and the emergency lane set to one job at a time across processes (two neighbours'
   * reports of one fire read by two processes at once would make two emergencies); set once, before the
   * first intake job is added.
   */
  private serialized: Promise<unknown> | undefined;

  constructor(
    connection: RedisConnection,
    prefix: string,
    logger?: Logger,
    options: BullmqJobQueueOptions = {},
  ) {
    this.sendClassesOf = options.sendClassesOf ?? (async () => new Map());
    this.orderKeyOf = options.orderKeyOf ?? (async (key) => `message:${key}`);
    this.partitionOf = options.partitionOf ?? intakePartitionOf;
    const partitions = Math.max(1, options.intakePartitions ?? 1);
    this.intake = Array.from(
      { length: partitions },
      (_, i) => new Queue(intakePartitionName(i), { connection, prefix }),
    );
    this.intakeUrgent = new Queue(QUEUE_NAMES.intakeUrgent, { connection, prefix });
    this.outbox = new Queue(QUEUE_NAMES.outbox, { connection, prefix });
    const accounts = Math.max(1, options.accounts ?? 1);
    this.accountOutbox =
      accounts > 1
        ? Array.from({ length: accounts }, (_, i) => new Queue(outboxAccountName(i), { connection, prefix }))
        : [];
    for (const queue of this.queues) {
      logQueueErrors(queue, logger);
    }
  }

  /** Every queue this holds, for metrics and the queue board. */
  get queues(): Queue[] {
    return [...this.intake, this.intakeUrgent, this.outbox, ...this.accountOutbox];
  }

  async enqueueIntake(
    messageKey: string,
    options: { urgent?: boolean; orderKey?: string } = {},
  ): Promise<void> {
    await this.serializeIntake();
    const queue = options.urgent
      ? this.intakeUrgent
      : this.partitionFor(options.orderKey ?? (await this.orderKeyOf(messageKey)));
    await queue.add(
      'intake',
      { messageKey },
      {
        jobId: intakeJobId(messageKey),
        attempts: DEFAULT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        ...CLEANUP,
      },
    );
  }

  async requeueIntake(messageKeys: readonly string[]): Promise<string[]> {
    const queued: string[] = [];
    for (const key of messageKeys) {
      const id = intakeJobId(key);
      const urgent = await this.intakeUrgent.getJob(id);
      if (urgent && !(await urgent.isCompleted()) && !(await urgent.isFailed())) {
        continue;
      }
      const orderKey = await this.orderKeyOf(key);
      const job = await this.partitionFor(orderKey).getJob(id);
      if (!job) {
        await this.enqueueIntake(key, { orderKey });
        queued.push(key);
      } else if (await job.isFailed()) {
        await job.retry('failed');
        queued.push(key);
      } else if (await job.isCompleted()) {
        // finished without an outcome (a crash between the two): read it again
        await job.remove();
        await this.enqueueIntake(key, { orderKey });
        queued.push(key);
      }
    }
    return queued;
  }

  outboxBacklog(): Promise<number> {
    return this.pendingIn([this.outbox, ...this.accountOutbox]);
  }

  async enqueueOutbox(outboxIds: readonly number[]): Promise<void> {
    if (outboxIds.length === 0) {
      return;
    }
    const classes = await this.sendClassesOf(outboxIds);
    await this.outbox.addBulk(outboxIds.map((id) => sendJob(id, classes.get(id) ?? 'reply')));
  }

  /** Jobs waiting, delayed or running on a bot account's own outbox queue (index from 0). */
  accountBacklog(account: number): Promise<number> {
    const queue = this.accountOutbox[account];
    return queue ? this.pending(queue) : Promise.resolve(0);
  }

  /** Queues a routed outbox row on the queue of the account that sends it (index from 0). */
  async enqueueOnAccount(account: number, outboxId: number, sendClass: SendClass): Promise<void> {
    const queue = this.accountOutbox[account];
    if (!queue) {
      throw new Error(`no outbox queue for bot account ${account + 1}`);
    }
    await queue.addBulk([sendJob(outboxId, sendClass)]);
  }

  async waitIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (Date.now() < deadline) {
      const busy = await this.pendingIn(this.queues);
      quietRounds = busy === 0 ? quietRounds + 1 : 0;
      if (quietRounds >= 2) {
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`queues still busy after ${timeoutMs} ms`);
  }

  /** Jobs of the ordinary intake lane waiting, delayed or running, over its partitions. */
  intakeBacklog(): Promise<number> {
    return this.pendingIn(this.intake);
  }

  /** Removes every key of these queues (replay and tests clean up their own prefix). */
  async obliterate(): Promise<void> {
    for (const queue of this.queues) {
      await queue.obliterate({ force: true });
    }
  }

  async close(): Promise<void> {
    for (const queue of this.queues) {
      await queue.close();
    }
  }

  /** The partition of a conversation. */
  private partitionFor(orderKey: string): Queue {
    return this.intake[this.partitionOf(orderKey, this.intake.length) % this.intake.length] as Queue;
  }

  private async serializeIntake(): Promise<void> {
    this.serialized ??= Promise.all(
      [...this.intake, this.intakeUrgent].map((queue) => queue.setGlobalConcurrency(1)),
    );
    await this.serialized;
  }

  private async pendingIn(queues: readonly Queue[]): Promise<number> {
    // side by side: one round trip's wait for all the queues, not one per queue
    const counts = await Promise.all(queues.map((queue) => this.pending(queue)));
    return counts.reduce((a, b) => a + b, 0);
  }

  private async pending(queue: Queue): Promise<number> {
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'waiting-children',
    );
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }
}
