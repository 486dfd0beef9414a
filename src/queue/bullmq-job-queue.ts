import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { SendClass } from '../tickets/outbox.js';
import type { JobQueue } from './job-queue.js';
import { DEFAULT_ATTEMPTS, QUEUE_NAMES } from './jobs.js';
import { logQueueErrors } from './queue-errors.js';

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

/** The JobQueue on BullMQ; it does not own the connection it is given. */
export class BullmqJobQueue implements JobQueue {
  readonly intake: Queue;
  readonly intakeUrgent: Queue;
  readonly outbox: Queue;

  /** The send class of each outbox row, from the store; without it every row is queued as a reply. */
  private readonly sendClassesOf: (ids: readonly number[]) => Promise<ReadonlyMap<number, SendClass>>;

  constructor(
    connection: Redis,
    prefix: string,
    logger?: Logger,
    options: { sendClassesOf?: (ids: readonly number[]) => Promise<ReadonlyMap<number, SendClass>> } = {},
  ) {
    this.sendClassesOf = options.sendClassesOf ?? (async () => new Map());
    this.intake = new Queue(QUEUE_NAMES.intake, { connection, prefix });
    this.intakeUrgent = new Queue(QUEUE_NAMES.intakeUrgent, { connection, prefix });
    this.outbox = new Queue(QUEUE_NAMES.outbox, { connection, prefix });
    logQueueErrors(this.intake, logger);
    logQueueErrors(this.intakeUrgent, logger);
    logQueueErrors(this.outbox, logger);
  }

  async enqueueIntake(messageKey: string, options: { urgent?: boolean } = {}): Promise<void> {
    await (options.urgent ? this.intakeUrgent : this.intake).add(
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
      const job = await this.intake.getJob(id);
      if (!job) {
        await this.enqueueIntake(key);
        queued.push(key);
      } else if (await job.isFailed()) {
        await job.retry('failed');
        queued.push(key);
      } else if (await job.isCompleted()) {
        // finished without an outcome (a crash between the two): read it again
        await job.remove();
        await this.enqueueIntake(key);
        queued.push(key);
      }
    }
    return queued;
  }

  outboxBacklog(): Promise<number> {
    return this.pending(this.outbox);
  }

  async enqueueOutbox(outboxIds: readonly number[]): Promise<void> {
    if (outboxIds.length === 0) {
      return;
    }
    const classes = await this.sendClassesOf(outboxIds);
    // no custom job id: row ids start again at 1 in a fresh store while Redis may still hold finished jobs
    // of an old one; delivery skips a row already sent, so a second job for a row is harmless
    await this.outbox.addBulk(
      outboxIds.map((outboxId) => ({
        name: 'send',
        data: { outboxId },
        opts: {
          attempts: DEFAULT_ATTEMPTS,
          backoff: { type: 'exponential', delay: 2000 },
          priority: OUTBOX_PRIORITY[classes.get(outboxId) ?? 'reply'],
          ...CLEANUP,
        },
      })),
    );
  }

  async waitIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (Date.now() < deadline) {
      const busy =
        (await this.pending(this.intake)) +
        (await this.pending(this.intakeUrgent)) +
        (await this.pending(this.outbox));
      quietRounds = busy === 0 ? quietRounds + 1 : 0;
      if (quietRounds >= 2) {
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`queues still busy after ${timeoutMs} ms`);
  }

  /** Removes every key of both queues (replay and tests clean up their own prefix). */
  async obliterate(): Promise<void> {
    await this.intake.obliterate({ force: true });
    await this.intakeUrgent.obliterate({ force: true });
    await this.outbox.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.intake.close();
    await this.intakeUrgent.close();
    await this.outbox.close();
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
