import { replies } from '../bot/replies/ticket-replies.js';
import type { Classifier } from '../classify/classifier.js';
import type { Clock } from '../clock/clock.js';
import type { Directory } from '../directory/directory.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import { routeTicket } from '../routing/route-ticket.js';
import { computeDeadlines } from '../sla/deadlines.js';
import type { WorkingCalendar } from '../sla/working-calendar.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { announceTicket, toNewTicket } from './open-ticket.js';

export type IntakeDeps = {
  tickets: TicketStore;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  classifier: Classifier;
  directory: Directory;
  calendar: WorkingCalendar;
  clock: Clock;
  logger: Logger;
  /** Chat commands; returns true when the message was a command and has been answered. */
  handleCommand?: (message: SeenMessage) => Promise<boolean>;
};

/**
 * Reads one recorded message: a command goes to its handler; otherwise it is classified, and a grievance or
 * an emergency becomes a routed ticket with its replies, an inquiry gets a short answer, chatter nothing.
 * Idempotent: a message already handled only re-queues replies that were not sent.
 */
export async function processIntake(deps: IntakeDeps, job: { messageKey: string }): Promise<void> {
  const message = await deps.tickets.getMessage(job.messageKey);
  if (!message) {
    deps.logger.warn({ event: 'intake.message.missing', messageKey: job.messageKey }, 'message not in store');
    return;
  }
  if (message.outcome) {
    await requeueUnsent(deps);
    return;
  }
  if (deps.handleCommand && (await deps.handleCommand(message))) {
    return;
  }
  if (!readsForRequests(deps.directory, message)) {
    await settle(deps, message, null, []);
    return;
  }
  const c = await deps.classifier.classify({ text: message.text, roomTopic: message.room ?? undefined });
  const log = deps.logger.child({ messageKey: message.key });
  log.info(
    {
      event: 'intake.message.classified',
      intent: c.intent,
      category: c.category,
      source: c.source,
      cues: c.cues,
    },
    'classified',
  );

  if (c.intent === 'grievance' || c.intent === 'emergency') {
    const now = deps.clock.now();
    const routing = routeTicket(deps.directory, c, message.room);
    const deadlines = computeDeadlines(
      { createdAt: now, urgency: c.urgency, category: c.category },
      deps.directory.data.deadlines,
      deps.calendar,
    );
    const reporter = {
      name: message.sender,
      id: message.senderId,
      room: message.room,
      roomId: message.roomId,
      text: message.text,
    };
    const result = await deps.tickets.createTicket(toNewTicket(c, routing, reporter, deadlines, now), {
      messageKey: message.key,
      event: {
        at: now,
        actor: message.sender,
        type: 'created',
        detail: `${c.intent}/${c.category} → ${routing.body}; ${routing.cues.join('; ')}`,
      },
      outbox: (ticket) => announceTicket(deps.directory, ticket, routing),
    });
    await deps.queue.enqueueOutbox(result.outboxIds, { urgent: c.intent === 'emergency' });
    log.info(
      {
        event: 'intake.ticket.created',
        ticket: result.ticket.number,
        created: result.created,
        body: routing.body,
      },
      'ticket opened',
    );
    return;
  }
  const outbox =
    c.intent === 'inquiry' ? [answer(message, replies.inquiryAck(committeeName(deps.directory)))] : [];
  await settle(deps, message, c.intent, outbox);
}

/** Requests are read in residents' groups and private chats; staff groups are for commands. */
function readsForRequests(directory: Directory, message: SeenMessage): boolean {
  if (message.kind !== 'text' || message.text.length === 0) {
    return false;
  }
  if (message.room === null) {
    return true;
  }
  const group = directory.group(message.room);
  return group === undefined || group.kind === 'residents';
}

async function settle(
  deps: IntakeDeps,
  message: SeenMessage,
  intent: string | null,
  outbox: OutboxMessage[],
): Promise<void> {
  const { outboxIds } = await deps.tickets.settleMessage(
    message.key,
    { ticketNumber: null, intent, handledAt: deps.clock.now() },
    outbox,
  );
  await deps.queue.enqueueOutbox(outboxIds);
}

async function requeueUnsent(deps: IntakeDeps): Promise<void> {
  const pending = await deps.tickets.pendingOutbox();
  await deps.queue.enqueueOutbox(pending.map((row) => row.id));
}

/** A reply to the sender where they spoke: @-mention in the group, or privately. */
export function answer(message: SeenMessage, text: string): OutboxMessage {
  return message.roomId !== null
    ? {
        room: message.room,
        roomId: message.roomId,
        to: null,
        toId: null,
        mentions: [message.sender],
        mentionIds: [message.senderId],
        text,
      }
    : {
        room: null,
        roomId: null,
        to: message.sender,
        toId: message.senderId,
        mentions: [],
        mentionIds: [],
        text,
      };
}

function committeeName(directory: Directory): string {
  const committee = directory.body('committee');
  return committee?.name ?? '社区居委会';
}
