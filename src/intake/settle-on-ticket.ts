import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import type { Change, SeenMessage, TicketStore } from '../tickets/ticket-store.js';

export type TicketChangeDeps = {
  tickets: Pick<TicketStore, 'change' | 'getMessage'>;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  clock: Clock;
  logger: Logger;
};

/**
 * `changed`: the change is written; `seen`: the message was handled before (a redelivery), nothing changes
 * twice; `moved`: the ticket left the expected statuses meanwhile, so the caller reads the message afresh.
 */
export type SettleResult = 'changed' | 'seen' | 'moved';

/** Applies a change to a ticket and marks the message handled in the same transaction, then queues its replies. */
export async function changeAndSettle(
  deps: TicketChangeDeps,
  message: SeenMessage,
  ticketNumber: number,
  change: Omit<Change, 'settles'> & { intent: string },
): Promise<SettleResult> {
  const { intent, ...rest } = change;
  const result = await deps.tickets.change(ticketNumber, {
    ...rest,
    settles: { messageKey: message.key, intent },
  });
  if (result.ok) {
    await deps.queue.enqueueOutbox(result.outboxIds);
    deps.logger.info(
      { event: `intake.ticket.${change.event.type}`, messageKey: message.key, ticket: ticketNumber },
      'message added to ticket',
    );
    return 'changed';
  }
  const seen = await deps.tickets.getMessage(message.key);
  return seen?.outcome ? 'seen' : 'moved';
}

/** Marks the message handled (the ticket it went to, if any, and what it was read as) and queues its replies. */
export async function settleAndQueue(
  deps: { tickets: Pick<TicketStore, 'settleMessage'>; queue: Pick<JobQueue, 'enqueueOutbox'>; clock: Clock },
  message: SeenMessage,
  outcome: { ticketNumber: number | null; intent: string | null },
  outbox: readonly OutboxMessage[],
): Promise<void> {
  const { outboxIds } = await deps.tickets.settleMessage(
    message.key,
    { ...outcome, handledAt: deps.clock.now() },
    outbox,
  );
  await deps.queue.enqueueOutbox(outboxIds);
}
