import type { OutboxMessage, OutboxRow, SendClass } from './outbox.js';
import type { NewEvent, NewTicket, Ticket, TicketEvent, TicketPatch, TicketStatus } from './ticket.js';
import type {
  AssigneeQuery,
  EngagementEvent,
  PersonQuery,
  PlaceQuery,
  RecentTicketsQuery,
} from './ticket-queries.js';

/** A message the bot has seen; the key makes a redelivered message one record. */
export type SeenMessage = {
  key: string;
  roomId: string | null;
  room: string | null;
  senderId: string;
  sender: string;
  text: string;
  kind: 'text' | 'image' | 'voice' | 'other';
  mentionsBot: boolean;
  sentAt: Date;
  receivedAt: Date;
};

/** How a seen message ended: which ticket it made or joined, or none. */
export type MessageOutcome = { ticketNumber: number | null; intent: string | null; handledAt: Date };

export type TicketFilter = {
  statuses?: readonly TicketStatus[];
  grid?: string;
  body?: string;
  assignee?: string;
  reporter?: string;
  building?: number;
  createdFrom?: Date;
  createdTo?: Date;
};

export type Change = {
  event: NewEvent;
  patch: TicketPatch;
  /** Refuse (return `conflict`) unless the ticket is in one of these statuses; guards concurrent commands. */
  expectStatus?: readonly TicketStatus[];
  outbox?: readonly OutboxMessage[];
  /**
   * Marks this message handled (outcome: this ticket, `intent`) in the same transaction; the change is
   * refused as `conflict` when the message was already handled, so a redelivered message changes nothing.
   */
  settles?: { messageKey: string; intent: string };
  /**
   * Refuse (return `conflict`) unless the ticket's last event has this seq: a decision read from the
   * events (the timers' sweep) holds only if nothing happened to the ticket since.
   */
  expectSeq?: number;
  /**
   * Further steps of the same change, each its own event over the state the previous one left (e.g. accept
   * then resolve): all of them or none, so a crash never leaves half a command.
   */
  followedBy?: readonly { event: NewEvent; patch: TicketPatch }[];
};

export type ChangeResult =
  | { ok: true; ticket: Ticket; outboxIds: number[] }
  | { ok: false; reason: 'not_found' | 'conflict'; ticket?: Ticket };

export type AuditResult =
  | { ok: true; tickets: number; events: number }
  | { ok: false; ticketNumber: number; seq: number; reason: string };

/** The chain head at one moment: the last event's id and hash (anchored outside the store). */
export type AuditAnchor = { eventId: number; hash: string };

/** What the store holds now, counted for monitoring (`GET /metrics`). */
export type RecordCounts = {
  messages: {
    stored: number;
    /** Read, with an outcome about a ticket (made, joined or changed one). */
    readWithTicket: number;
    /** Read, with an outcome about no ticket (chatter, questions, thanks). */
    readWithoutTicket: number;
    /** Not read yet and received before the `unreadBefore` asked for. */
    unread: number;
  };
  /** Every status, zero where no ticket has it. */
  ticketsByStatus: Record<TicketStatus, number>;
  outbox: {
    /** Replies not sent yet (undeliverable ones are not counted). */
    unsent: number;
    /** When the oldest of them was queued; null when every reply is out. */
    oldestUnsentAt: Date | null;
    /** Replies given up as undeliverable. */
    undeliverable: number;
  };
};

/** The source of truth: tickets, their append-only event log, the messages seen and the outbox. */
export interface TicketStore {
  /** Records a message; false when its key was already seen (a redelivery). */
  recordMessage(message: SeenMessage): Promise<boolean>;
  getMessage(key: string): Promise<(SeenMessage & { outcome: MessageOutcome | null }) | undefined>;
  /**
   * Recent messages of one sender in one room since a time, with their outcomes, oldest first (aggregation,
   * photo evidence); with `limit`, only the latest `limit` of them.
   */
  recentMessages(input: {
    senderId: string;
    roomId: string | null;
    since: Date;
    limit?: number;
  }): Promise<Array<SeenMessage & { outcome: MessageOutcome | null }>>;
  /** Keys of stored messages with no outcome yet, received before `receivedBefore`, oldest first. */
  unreadMessages(input: { receivedBefore: Date; limit: number }): Promise<string[]>;
  /**
   * Marks a message handled without a ticket (chatter, inquiry) and queues its replies, atomically;
   * false when the message was already handled.
   */
  settleMessage(
    key: string,
    outcome: MessageOutcome,
    outbox: readonly OutboxMessage[],
  ): Promise<{ settled: boolean; outboxIds: number[] }>;
  /**
   * Creates a ticket with its `created` event and outbox in one transaction and marks the message handled;
   * when the message was already handled, returns the ticket it made (`created: false`) and changes nothing.
   * With `unlessOpen`, the look for an open ticket about the same problem and the creation are one step that
   * concurrent writers (other workers, other processes) cannot race: when a query finds a ticket, nothing is
   * written and that ticket comes back with `duplicate: true`.
   */
  createTicket(
    ticket: NewTicket,
    input: {
      messageKey: string | null;
      event: NewEvent;
      /** The messages about the new ticket; a function when they need its number. */
      outbox: readonly OutboxMessage[] | ((ticket: Ticket) => readonly OutboxMessage[]);
      /** Queries for an open ticket this one would duplicate, tried in order, all at one place. */
      unlessOpen?: readonly PlaceQuery[];
      /** Events that belong to the opening (an emergency check asked for), appended after `event` in its transaction. */
      followedBy?: readonly NewEvent[];
    },
  ): Promise<{ ticket: Ticket; created: boolean; outboxIds: number[]; duplicate?: true }>;
  /** Appends one event, applies its patch and queues its outbox, in one transaction. */
  change(ticketNumber: number, change: Change): Promise<ChangeResult>;
  getTicket(ticketNumber: number): Promise<Ticket | undefined>;
  listTickets(filter?: TicketFilter): Promise<Ticket[]>;
  /** Tickets about these categories at one place, newest first (by closure with `closedFrom`), at most `limit`. */
  ticketsAtPlace(query: PlaceQuery): Promise<Ticket[]>;
  /** Tickets made since `createdFrom` in these statuses (of one intent, in one room), newest first. */
  recentTickets(query: RecentTicketsQuery): Promise<Ticket[]>;
  /** A person's tickets as reporter or co-reporter in these statuses, newest first, at most `limit`. */
  ticketsOfPerson(query: PersonQuery): Promise<Ticket[]>;
  /**
   * The tickets from one room assigned to a staff member, newest first, at most `limit` (without statuses,
   * among the room's 500 latest-made tickets).
   */
  ticketsAssignedTo(query: AssigneeQuery): Promise<Ticket[]>;
  /** `resource_engaged` events made at or after `since`, or on a ticket now in one of `holding`. */
  engagementEvents(input: { since: Date; holding: readonly TicketStatus[] }): Promise<EngagementEvent[]>;
  events(ticketNumber: number): Promise<TicketEvent[]>;
  getOutbox(id: number): Promise<OutboxRow | undefined>;
  /** Outbox rows not yet sent, oldest first, with ids above `afterId` (re-enqueued at startup after a crash). */
  pendingOutbox(limit?: number, afterId?: number): Promise<OutboxRow[]>;
  /** Marks a row sent at `at` by `by` (a bot account's label, or the staff channel); the first send stands. */
  markSent(id: number, at: Date, by?: string): Promise<void>;
  /**
   * When messages were sent at or after `since`, ascending, one time per send (the rows of a batched notice
   * share theirs): a restarted bot reads the minute it was in the middle of. With `by`, only those sent by
   * that sender, and those sent before senders were recorded (counted against every account).
   */
  sendTimesSince(since: Date, by?: string): Promise<Date[]>;
  /** Sets aside a row that can never be delivered (no such room or contact): it is no longer pending. */
  markUndeliverable(id: number, at: Date, reason: string): Promise<void>;
  /** The send class of each of these outbox rows (rows queued before classes were kept count as replies). */
  sendClassesOf(ids: readonly number[]): Promise<Map<number, SendClass>>;
  /**
   * Unsent private notices to the same person as `first`, queued after it and no later than `until`,
   * oldest first, at most `limit`: they go out in one message with it.
   */
  noticesToJoin(first: OutboxRow, input: { until: Date; limit: number }): Promise<OutboxRow[]>;
  /**
   * Queues messages about no ticket (digests), once per `key`: a second call with the same key queues
   * nothing and returns the ids the first call queued.
   */
  enqueueMessages(outbox: readonly OutboxMessage[], input: { at: Date; key: string }): Promise<number[]>;
  /**
   * Checks the hash chain of every event in order, the ticket rows against it and, with the audit key,
   * the head's signature, every message and reply, and that no anchored event is gone or changed.
   */
  verifyAudit(options?: { anchors?: readonly AuditAnchor[] }): Promise<AuditResult>;
  /** The chain head now, to anchor outside the store. */
  auditHead(): Promise<AuditAnchor>;
  /** Counts of messages, tickets and replies by state (SQL COUNT; cheap at any size). */
  countRecords(input: { unreadBefore: Date }): Promise<RecordCounts>;
  close(): Promise<void>;
}
