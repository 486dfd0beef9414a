import { Job, Queue } from 'bullmq';
import type { Logger } from '../logger.js';
import { DEFAULT_ATTEMPTS, QUEUE_NAMES, type TimersJob } from './jobs.js';
import { logQueueErrors } from './queue-errors.js';
import type { RedisConnection } from './redis-connection.js';

/** Cron patterns of the digests are read in China time. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** What runs on its own: the sweep every so often, the digests on their crons; 0 or null turns one off. */
export type TimerSchedule = {
  sweepEveryMs: number;
  digestCron: string | null;
  weeklyCron: string | null;
  /** The monthly summary of party members' results to each branch secretary. */
  monthlyCron?: string | null;
};

const SCHEDULER_IDS = {
  sweep: 'sla-sweep',
  daily_digest: 'daily-digest',
  weekly_summary: 'weekly-summary',
  monthly_branch_summary: 'monthly-branch-summary',
} as const;
const CLEANUP = {
  removeOnComplete: { age: 3600, count: 100 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
const POLL_MS = 5;

/**
 * The `timers` queue on BullMQ: job schedulers (upserted at every start, so a restart neither loses nor
 * doubles them) and one-off runs that a caller waits for (replay, tests). It does not own the connection.
 */
export class BullmqTimers {
  readonly queue: Queue;

  constructor(connection: RedisConnection, prefix: string, logger?: Logger) {
    this.queue = new Queue(QUEUE_NAMES.timers, { connection, prefix });
    logQueueErrors(this.queue, logger);
  }

  /** Creates, updates or removes the job schedulers to match `schedule`. */
  async schedule(schedule: TimerSchedule): Promise<void> {
    await this.upsert('sweep', schedule.sweepEveryMs > 0 ? { every: schedule.sweepEveryMs } : null, 1);
    await this.upsert('daily_digest', cron(schedule.digestCron), DEFAULT_ATTEMPTS);
    await this.upsert('weekly_summary', cron(schedule.weeklyCron), DEFAULT_ATTEMPTS);
    await this.upsert('monthly_branch_summary', cron(schedule.monthlyCron ?? null), DEFAULT_ATTEMPTS);
  }

  /**
   * Re-creates the schedulers of `schedule` that are missing (Redis restarted without its data); the ones
   * still there are left as they are, so their next run does not move. Returns the tasks re-created.
   */
  async ensureScheduled(schedule: TimerSchedule): Promise<string[]> {
    const wanted: Array<[TimersJob['task'], boolean]> = [
      ['sweep', schedule.sweepEveryMs > 0],
      ['daily_digest', schedule.digestCron !== null],
      ['weekly_summary', schedule.weeklyCron !== null],
      ['monthly_branch_summary', (schedule.monthlyCron ?? null) !== null],
    ];
    const missing: string[] = [];
    for (const [task, on] of wanted) {
      if (on && !(await this.queue.getJobScheduler(SCHEDULER_IDS[task]))) {
        missing.push(task);
      }
    }
    if (missing.length > 0) {
      await this.schedule(schedule);
    }
    return missing;
  }

  /** Queues one run of `task` and resolves when a worker has done it; rejects with its error if it failed. */
  async run(task: TimersJob['task'], timeoutMs = 30_000): Promise<void> {
    const job = await this.queue.add(task, { task }, { attempts: 1, ...CLEANUP });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await job.getState();
      if (state === 'completed' || state === 'unknown') {
        return;
      }
      if (state === 'failed') {
        const failed = job.id ? await Job.fromId(this.queue, job.id) : undefined;
        throw new Error(`timers job ${task} failed: ${failed?.failedReason ?? 'unknown reason'}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`timers job ${task} not done after ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Timer jobs waiting or running now (a scheduler's next, delayed job does not count). */
  async busy(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  private async upsert(
    task: TimersJob['task'],
    repeat: { every: number } | { pattern: string; tz: string } | null,
    attempts: number,
  ): Promise<void> {
    const id = SCHEDULER_IDS[task];
    if (repeat === null) {
      await this.queue.removeJobScheduler(id);
      return;
    }
    await this.queue.upsertJobScheduler(id, repeat, {
      name: task,
      data: { task },
      opts: { attempts, backoff: { type: 'exponential', delay: 5000 }, ...CLEANUP },
    });
  }
}

function cron(pattern: string | null): { pattern: string; tz: string } | null {
  return pattern === null ? null : { pattern, tz: CHINA_TIME_ZONE };
}
