import type { Messenger } from '../bot/messenger.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { SendRateLimiter } from './rate-limiter.js';

export type DeliverDeps = {
  tickets: Pick<TicketStore, 'getOutbox' | 'markSent'>;
  messenger: Messenger;
  limiter: SendRateLimiter;
  clock: Clock;
  logger: Logger;
};

/** Sends one outbox row within the account's rate limit and marks it sent; a row already sent is skipped. */
export async function deliverOutbox(deps: DeliverDeps, job: { outboxId: number }): Promise<void> {
  const row = await deps.tickets.getOutbox(job.outboxId);
  if (!row || row.sentAt !== null) {
    return;
  }
  const slot = deps.limiter.reserve();
  await deps.clock.waitUntil(slot);
  await deps.messenger.send(row);
  await deps.tickets.markSent(row.id, deps.clock.now());
  deps.logger.info(
    { event: 'outbox.message.sent', outboxId: row.id, ticket: row.ticketNumber, private: row.room === null },
    'sent',
  );
}
