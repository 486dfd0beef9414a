import type { Clock } from '../../clock/clock.js';
import type { Directory, Person } from '../../directory/directory.js';
import type { Logger } from '../../logger.js';
import { answerTo, noticeAbout, noticeTo, privateTo, toReporter, toReporters } from '../../outbox/address.js';
import type { JobQueue } from '../../queue/job-queue.js';
import type { WorkingCalendar } from '../../sla/working-calendar.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import { MIN_RESOLVE_TEXT_LENGTH } from '../../tickets/resolution.js';
import type { Ticket } from '../../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../../tickets/ticket-store.js';
import type { Command, CommandName } from '../command.js';

export type CommandSettings = {
  /** Fewest characters a 办结 text must have to count as saying what was done. */
  minResolveTextLength: number;
  /** How long after 办结 a photo of the handler attaches as evidence. */
  photoWindowMs: number;
};

export const DEFAULT_COMMAND_SETTINGS: CommandSettings = {
  minResolveTextLength: MIN_RESOLVE_TEXT_LENGTH,
  photoWindowMs: 60_000,
};

/** What the command handlers need: the store, the outbox queue, the directory and the clock. */
export type CommandDeps = {
  tickets: Pick<
    TicketStore,
    | 'getTicket'
    | 'change'
    | 'listTickets'
    | 'events'
    | 'engagementEvents'
    | 'ticketsOfPerson'
    | 'settleMessage'
    | 'recentMessages'
    | 'enqueueMessages'
  >;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  directory: Directory;
  clock: Clock;
  /** The working-day calendar, for the fresh response deadline of a transferred ticket. */
  calendar: WorkingCalendar;
  logger: Logger;
  settings?: Partial<CommandSettings>;
};

export type HandlerDeps = Omit<CommandDeps, 'settings'> & { settings: CommandSettings };

/** The sender of a command, where they spoke, and how to answer them. */
export type CommandContext = {
  message: SeenMessage;
  person: Person;
  now: Date;
  /** The commands this person may use (by role, among those with a handler), for help texts. */
  commands: readonly CommandName[];
  /** Answers where the sender spoke: @-mention in the group, or privately. */
  here(text: string): OutboxMessage;
  /** Answers privately (staff answers, refusals). */
  privately(text: string): OutboxMessage;
  /**
   * The marker that settles the command's message with the first store change that succeeds, so a retried
   * job never applies a command twice; undefined once a change has settled it.
   */
  settleMarker(): { messageKey: string; intent: string } | undefined;
  /** Records that a store change settled the message. */
  markSettled(): void;
  isSettled(): boolean;
};

/**
 * What a handler did: the ticket concerned, the replies to queue when the message is settled, and the
 * outbox rows its store changes already queued (in the same transaction as the change).
 */
export type HandlerResult = { ticket: number | null; replies: OutboxMessage[]; outboxIds: number[] };

export type CommandHandler<N extends CommandName = CommandName> = (
  deps: HandlerDeps,
  ctx: CommandContext,
  command: Extract<Command, { name: N }>,
) => Promise<HandlerResult>;

export { answerTo, noticeTo, privateTo, toReporter, toReporters };

/**
 * The same private notice about a ticket to several staff members, leaving out the sender and repeats:
 * routine for a ticket of normal urgency, like intake's notices (noticeAbout).
 */
export function tellEach(
  t: Pick<Ticket, 'urgency'>,
  names: readonly (string | null)[],
  text: string,
  except?: string,
): OutboxMessage[] {
  const unique = [...new Set(names.filter((n): n is string => n !== null && n !== except))];
  return unique.map((name) => noticeAbout(t, name, text));
}

export const done = (
  ticket: number | null,
  replies: OutboxMessage[],
  outboxIds: number[] = [],
): HandlerResult => ({
  ticket,
  replies,
  outboxIds,
});
