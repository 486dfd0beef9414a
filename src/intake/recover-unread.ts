import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TicketStore } from '../tickets/ticket-store.js';

/** Most messages looked at in one run; the next run takes the rest. */
const BATCH = 5_000;

export type RecoverDeps = {
  tickets: Pick<TicketStore, 'unreadMessages'>;
  queue: Pick<JobQueue, 'requeueIntake'>;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
};

/**
 * Every stored message is read: a message with no outcome a grace period after it arrived has lost its
 * job (Redis restarted without its data, a crash between storing and queueing, retries exhausted during an
 * outage) and is queued again. Idempotent: the job id is the message's, and a job still waiting or running
 * is left alone. A message whose job already failed is retried once per process; after that it is only
 * reported, so one poisonous message does not loop.
 */
export function createUnreadRecovery(deps: RecoverDeps, options: { graceMs: number }) {
  const retried = new Set<string>();
  return async (graceMs = options.graceMs): Promise<{ unread: number; requeued: number }> => {
    const before = new Date(deps.clock.now().getTime() - graceMs);
    const keys = await deps.tickets.unreadMessages({ receivedBefore: before, limit: BATCH });
    const fresh = keys.filter((k) => !retried.has(k));
    const queued = await deps.queue.requeueIntake(fresh);
    for (const key of queued) {
      retried.add(key);
    }
    const unread = keys.length;
    const requeued = queued.length;
    if (requeued > 0) {
      deps.logger.warn({ event: 'intake.recovered', requeued, unread }, 'unread messages queued again');
    } else if (unread > 0) {
      deps.logger.warn({ event: 'intake.unread', unread }, 'messages wait unread');
    }
    return { unread, requeued };
  };
}
