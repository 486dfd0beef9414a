import type { Messenger } from '../bot/messenger.js';
import type { Clock } from '../clock/clock.js';
import { isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { SendRateLimiter } from './rate-limiter.js';

export type DeliverDeps = {
  tickets: Pick<TicketStore, 'getOutbox' | 'markSent' | 'markUndeliverable'>;
  messenger: Messenger;
  limiter: SendRateLimiter;
  clock: Clock;
  logger: Logger;
  /** The last guard on everything the bot says: personal numbers masked (the community's public ones kept). */
  mask: (text: string) => string;
};

/** Sends one outbox row within the account's rate limit and marks it sent; a row already sent is skipped. */
export async function deliverOutbox(deps: DeliverDeps, job: { outboxId: number }): Promise<void> {
  const row = await deps.tickets.getOutbox(job.outboxId);
  if (!row || row.sentAt !== null || row.failedAt !== null) {
    return;
  }
  const slot = deps.limiter.reserve();
  await deps.clock.waitUntil(slot);
  try {
    await deps.messenger.send({ ...row, text: deps.mask(row.text) });
  } catch (error) {
    if (isAppError(error) && (error.code === 'ROOM_NOT_FOUND' || error.code === 'CONTACT_NOT_FOUND')) {
      // no retry can find a room the bot is not in or a person it does not know: set it aside, visibly
      await deps.tickets.markUndeliverable(row.id, deps.clock.now(), error.message);
      deps.logger.warn(
        {
          event: 'outbox.message.undeliverable',
          outboxId: row.id,
          ticket: row.ticketNumber,
          code: error.code,
        },
        'undeliverable',
      );
      return;
    }
    throw error;
  }
  await deps.tickets.markSent(row.id, deps.clock.now());
  deps.logger.info(
    { event: 'outbox.message.sent', outboxId: row.id, ticket: row.ticketNumber, private: row.room === null },
    'sent',
  );
}
