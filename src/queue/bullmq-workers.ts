import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import * as z from 'zod';
import type { Logger } from '../logger.js';
import {
  type IntakeJob,
  IntakeJobSchema,
  intakePartitionName,
  type OutboxJob,
  OutboxJobSchema,
  outboxAccountName,
  QUEUE_NAMES,
  type TimersJob,
  TimersJobSchema,
} from './jobs.js';
import { NotBefore } from './not-before.js';
import type { RedisConnection } from './redis-connection.js';

export type Processors = {
  intake?: (job: IntakeJob) => Promise<void>;
  /** The emergency lane's processor; the ordinary one when not given. */
  intakeUrgent?: (job: IntakeJob) => Promise<void>;
  /** Delivers outbox rows; with several bot accounts, routes each to the account that sends it. */
  outbox?: (job: OutboxJob) => Promise<void>;
  /** With several bot accounts: each account's delivery, index for index (`outboxAccountName`). */
  outboxAccounts?: ReadonlyArray<(job: OutboxJob) => Promise<void>>;
  timers?: (job: TimersJob) => Promise<void>;
};

export type RunningWorkers = { close(): Promise<void> };

/**
 * A job left running in Redis by a worker that lost it (Redis restarted with its data mid-job, a worker
 * killed) is taken up again once its lock lapses and the stalled check sees it: within about 15 s instead of
 * BullMQ's 30 s + 30 s. A running job renews its lock every LOCK_MS / 2, so a slow LLM call is not affected.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

/** A job's work is one transaction and safe to redo, so stopping waits this long at most. */
const CLOSE_GRACE_MS = 5_000;

/** Puts a job off as NotBefore asks, without spending an attempt; always throws BullMQ's signal for it. */
async function putOff(
  worker: Worker,
  job: Job,
  token: string | undefined,
  signal: NotBefore,
): Promise<never> {
  if (signal.scope === 'job') {
    await job.moveToDelayed(signal.at.getTime(), token);
    throw new DelayedError();
  }
  // the job goes back to the front of its queue and this worker takes none until then
  await worker.rateLimit(Math.max(1, signal.at.getTime() - Date.now()));
  throw Worker.RateLimitError();
}

/** Starts BullMQ workers for the given processors; payloads are validated before a processor sees them. */
export function startWorkers(options: {
  connection: RedisConnection;
  prefix: string;
  processors: Processors;
  logger: Logger;
  /**
   * The ordinary intake lane's partitions (1 by default): one worker each, one job at a time, so a
   * conversation (always in one partition) is read in order and the partitions side by side.
   */
  intakePartitions?: number;
  /** How long close() waits for running jobs before it forces the workers shut. */
  closeGraceMs?: number;
}): RunningWorkers {
  const { connection, prefix, processors, logger } = options;
  const workers: Worker[] = [];
  const add = <T>(
    name: string,
    schema: z.ZodType<T>,
    process: (data: T) => Promise<void>,
    concurrency: number,
  ) => {
    const worker = new Worker(
      name,
      async (job, token) => {
        const payload = schema.safeParse(job.data);
        if (!payload.success) {
          // a retry cannot fix a bad payload
          throw new UnrecoverableError(z.prettifyError(payload.error));
        }
        try {
          await process(payload.data);
        } catch (error) {
          if (!(error instanceof NotBefore)) {
            throw error;
          }
          await putOff(worker, job, token, error);
        }
      },
      { connection, prefix, concurrency, lockDuration: LOCK_MS, stalledInterval: STALLED_CHECK_MS },
    );
    worker.on('failed', (job, err) =>
      logger.warn(
        { event: 'queue.job.failed', queue: name, jobId: job?.id, attempts: job?.attemptsMade, err },
        'job failed',
      ),
    );
    worker.on('error', (err) =>
      logger.error({ event: 'queue.worker.error', queue: name, err }, 'worker error'),
    );
    workers.push(worker);
  };
  if (processors.intake) {
    for (let i = 0; i < Math.max(1, options.intakePartitions ?? 1); i++) {
      add(intakePartitionName(i), IntakeJobSchema, processors.intake, 1);
    }
    // a lane of its own: a fire is read while the ordinary lane may wait on a slow LLM
    add(QUEUE_NAMES.intakeUrgent, IntakeJobSchema, processors.intakeUrgent ?? processors.intake, 1);
  }
  if (processors.outbox) {
    // one sender per bot account: order and the rate limit hold (a router before them when there are several)
    add(QUEUE_NAMES.outbox, OutboxJobSchema, processors.outbox, 1);
  }
  for (const [i, deliver] of (processors.outboxAccounts ?? []).entries()) {
    // an account waiting for room in its minute holds back only its own queue
    add(outboxAccountName(i), OutboxJobSchema, deliver, 1);
  }
  if (processors.timers) {
    // one sweep at a time per process; the store's seq guard covers sweeps of other processes
    add(QUEUE_NAMES.timers, TimersJobSchema, processors.timers, 1);
  }
  return {
    close: async () => {
      // a worker finishes its job first; one stuck on a connection that never came back (BullMQ's close can
      // wait for ever after a Redis restart) is left behind: its job is one transaction, safe to read again
      const closed = Promise.all(workers.map((w) => w.close())).then(() => true);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), options.closeGraceMs ?? CLOSE_GRACE_MS);
      });
      const inTime = await Promise.race([closed, late]);
      clearTimeout(timer);
      if (!inTime) {
        logger.warn({ event: 'queue.worker.close_timeout' }, 'workers did not stop in time; left behind');
      }
    },
  };
}
