import type { Queue } from 'bullmq';
import type { Logger } from '../logger.js';

/**
 * Listens for a queue's connection errors and logs them at most once per `everyMs`: a Redis outage is one
 * warning every half minute, not a stack trace per retry (an EventEmitter with no listener would also
 * crash the process on an `error`).
 */
export function logQueueErrors(queue: Queue, logger: Logger | undefined, everyMs = 30_000): void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  queue.on('error', (err: Error) => {
    const now = Date.now();
    if (now - last < everyMs) {
      suppressed++;
      return;
    }
    last = now;
    logger?.warn({ event: 'queue.error', queue: queue.name, err: err.message, suppressed }, 'queue error');
    suppressed = 0;
  });
}
