import type { IncomingMessage } from '../bot/messenger.js';
import type { Clock } from '../clock/clock.js';
import type { ClassifyInput } from '../labels/classification.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import { capText, cleanText, MAX_CLASSIFIED_CHARS } from '../text/clean-text.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';

export type AcceptDeps = {
  tickets: Pick<TicketStore, 'recordMessage'>;
  queue: Pick<JobQueue, 'enqueueIntake'>;
  clock: Clock;
  logger: Logger;
  /** Whether a text reads as danger to the local classifier (an emergency or an emergency check). */
  isUrgent?: (text: string) => boolean;
  /** Starts reading a text as it arrives, where intake runs in this process (look-ahead.ts). */
  lookAhead?: (
    speaker: { roomId: string | null; room: string | null; senderId: string },
    input: ClassifyInput,
  ) => void;
  /** The conversation the message belongs to (intake-order.ts), which keeps it in order with the rest. */
  orderKeyOf?: (message: Pick<SeenMessage, 'room' | 'roomId' | 'senderId' | 'sender'>) => string;
};

/**
 * Records a delivered message (whole, with control characters and direction overrides removed) and queues
 * its intake; a redelivered message is recorded once and is one job.
 */
export async function acceptMessage(deps: AcceptDeps, message: IncomingMessage): Promise<void> {
  const receivedAt = deps.clock.now();
  const sender = cleanText(message.senderName);
  const text = cleanText(message.text);
  const fresh = await deps.tickets.recordMessage({
    key: message.key,
    roomId: message.roomId,
    room: message.roomTopic,
    senderId: message.senderId,
    sender,
    text,
    kind: message.kind,
    mentionsBot: message.mentionsBot,
    sentAt: onIntakeClock(message.sentAt, receivedAt),
    receivedAt,
  });
  if (!fresh) {
    deps.logger.info({ event: 'intake.message.duplicate', messageKey: message.key }, 'duplicate message');
  } else if (message.kind === 'text') {
    // the input intake will classify: the stored text, cut as intake cuts it, and the group
    deps.lookAhead?.(
      { roomId: message.roomId, room: message.roomTopic, senderId: message.senderId },
      {
        text: capText(text, MAX_CLASSIFIED_CHARS),
        roomTopic: message.roomTopic ?? undefined,
      },
    );
  }
  // queued even when seen before: the job id makes it one job, and a crash between the two steps loses nothing;
  // danger goes to the emergency lane, ahead of whatever the ordinary lane is reading
  const urgent =
    message.kind === 'text' && (deps.isUrgent?.(capText(message.text, MAX_CLASSIFIED_CHARS)) ?? false);
  const orderKey = deps.orderKeyOf?.({
    room: message.roomTopic,
    roomId: message.roomId,
    senderId: message.senderId,
    sender,
  });
  await deps.queue.enqueueIntake(message.key, { urgent, ...(orderKey ? { orderKey } : {}) });
}

/**
 * The send time on the intake's clock: the receive time less the delivery lag the protocol reports. With the
 * system clock this is the protocol's timestamp; on replay's simulated clock the puppet's wall-clock stamps
 * would be meaningless, so only their lag carries over and the aggregation window follows simulated time.
 */
export function onIntakeClock(protocolSentAt: Date, receivedAt: Date, wallNow: number = Date.now()): Date {
  const lagMs = Math.max(0, wallNow - protocolSentAt.getTime());
  return new Date(receivedAt.getTime() - lagMs);
}
