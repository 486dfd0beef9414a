import type { IncomingMessage } from '../bot/messenger.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TicketStore } from '../tickets/ticket-store.js';

export type AcceptDeps = {
  tickets: Pick<TicketStore, 'recordMessage'>;
  queue: Pick<JobQueue, 'enqueueIntake'>;
  clock: Clock;
  logger: Logger;
};

/** Records a delivered message and queues its intake; a redelivered message is recorded once and is one job. */
export async function acceptMessage(deps: AcceptDeps, message: IncomingMessage): Promise<void> {
  const fresh = await deps.tickets.recordMessage({
    key: message.key,
    roomId: message.roomId,
    room: message.roomTopic,
    senderId: message.senderId,
    sender: message.senderName,
    text: message.text,
    kind: message.kind,
    mentionsBot: message.mentionsBot,
    sentAt: message.sentAt,
    receivedAt: deps.clock.now(),
  });
  if (!fresh) {
    deps.logger.info({ event: 'intake.message.duplicate', messageKey: message.key }, 'duplicate message');
  }
  // queued even when seen before: the job id makes it one job, and a crash between the two steps loses nothing
  await deps.queue.enqueueIntake(message.key);
}
