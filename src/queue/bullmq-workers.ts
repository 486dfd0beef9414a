import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import * as z from 'zod';
import type { Logger } from '../logger.js';
import {
  type IntakeJob,
  IntakeJobSchema,
  type OutboxJob,
  OutboxJobSchema,
  QUEUE_NAMES,
  type TimersJob,
  TimersJobSchema,
} from './jobs.js';

export type Processors = {
  intake?: (job: IntakeJob) => Promise<void>;
  outbox?: (job: OutboxJob) => Promise<void>;
  timers?: (job: TimersJob) => Promise<void>;
};

export type RunningWorkers = { close(): Promise<void> };

/** Starts BullMQ workers for the given processors; payloads are validated before a processor sees them. */
export function startWorkers(options: {
  connection: Redis;
  prefix: string;
  processors: Processors;
  logger: Logger;
  /** Intake jobs run one at a time by default: a conversation is read in order (aggregation, merges). */
  intakeConcurrency?: number;
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
      async (job) => {
        const payload = schema.safeParse(job.data);
        if (!payload.success) {
          // a retry cannot fix a bad payload
          throw new UnrecoverableError(z.prettifyError(payload.error));
        }
        await process(payload.data);
      },
      { connection, prefix, concurrency },
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
    add(QUEUE_NAMES.intake, IntakeJobSchema, processors.intake, options.intakeConcurrency ?? 1);
    // a lane of its own: a fire is read while the ordinary lane may wait on a slow LLM
    add(QUEUE_NAMES.intakeUrgent, IntakeJobSchema, processors.intake, 1);
  }
  if (processors.outbox) {
    // one sender per bot account: order and the rate limit hold
    add(QUEUE_NAMES.outbox, OutboxJobSchema, processors.outbox, 1);
  }
  if (processors.timers) {
    // one sweep at a time per process; the store's seq guard covers sweeps of other processes
    add(QUEUE_NAMES.timers, TimersJobSchema, processors.timers, 1);
  }
  return {
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
