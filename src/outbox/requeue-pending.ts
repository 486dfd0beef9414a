import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TicketStore } from '../tickets/ticket-store.js';

const PAGE = 500;

/**
 * Queues every outbox row not yet sent, page by page, so none is left behind however large the backlog (a
 * crash while the rate limit was working one off, rows that keep failing at the front). Returns how many.
 */
export async function requeuePendingOutbox(
  tickets: Pick<TicketStore, 'pendingOutbox'>,
  queue: Pick<JobQueue, 'enqueueOutbox'>,
): Promise<number> {
  let afterId = 0;
  let queued = 0;
  for (;;) {
    const ids = (await tickets.pendingOutbox(PAGE, afterId)).map((row) => row.id);
    await queue.enqueueOutbox(ids);
    queued += ids.length;
    const last = ids.at(-1);
    if (last === undefined || ids.length < PAGE) {
      return queued;
    }
    afterId = last;
  }
}

/**
 * Outbox rows left unsent while the outbox queue holds no job at all: their jobs were lost (Redis restarted
 * without its data) and are queued again. A row queued twice is sent once: delivery skips a row already sent.
 */
export async function requeueLostOutbox(
  tickets: Pick<TicketStore, 'pendingOutbox'>,
  queue: Pick<JobQueue, 'enqueueOutbox' | 'outboxBacklog'>,
  logger: Pick<Logger, 'warn'>,
): Promise<number> {
  if ((await queue.outboxBacklog()) > 0 || (await tickets.pendingOutbox(1)).length === 0) {
    return 0;
  }
  const requeued = await requeuePendingOutbox(tickets, queue);
  logger.warn({ event: 'outbox.recovered', requeued }, 'unsent messages queued again');
  return requeued;
}
