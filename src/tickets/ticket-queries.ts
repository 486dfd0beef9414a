import type { Category, Intent } from '../labels/labels.js';
import type { TicketStatus } from './ticket.js';

/**
 * A place as the store matches it, column for column: a building; else (no building) a landmark; else
 * (neither) a compound. The domain's `samePlace` reads places the same way (see intake/same-place.ts).
 */
export type PlaceKey =
  | { building: number }
  | { building: null; landmark: string }
  | { building: null; landmark: null; compound: string }
  /** Anywhere in a compound, at any building or none (a supply that fails for the whole compound). */
  | { area: string };

/** Tickets about some categories at one place (duplicates, recurrences). */
export type PlaceQuery = {
  place: PlaceKey;
  categories: readonly Category[];
  statuses: readonly TicketStatus[];
  /** Only tickets of these intents (all when absent). */
  intents?: readonly Intent[];
  /** Only tickets created at or after this. */
  createdFrom?: Date;
  /** Only tickets closed at or after this; the newest closure comes first. */
  closedFrom?: Date;
  limit: number;
};

/** Where a message was said, for tickets of the same conversation: `roomId` when both know it, else the name. */
export type RoomOf = { roomId: string | null; room: string | null };

/** Open tickets made recently (emergency threads, quoted reports), optionally of one intent and one room. */
export type RecentTicketsQuery = {
  statuses: readonly TicketStatus[];
  createdFrom: Date;
  intent?: Intent;
  sameRoomAs?: RoomOf;
  limit: number;
};

/** A person's tickets as reporter or co-reporter (by WeChat id where the ticket knows it, else by name). */
export type PersonQuery = {
  person: { id: string; name: string };
  statuses: readonly TicketStatus[];
  /** Only tickets reported in this room or privately; every room when absent. */
  reportedInOrPrivately?: string;
  limit: number;
};

/** A staff member's assigned tickets from one room (null: a private chat). */
export type AssigneeQuery = {
  assignee: string;
  roomId: string | null;
  /** Only these statuses; when absent, any status among the room's 500 latest-made tickets. */
  statuses?: readonly TicketStatus[];
  /** Closed tickets count only when closed at or after this. */
  closedFrom?: Date;
  limit: number;
};

/** A `resource_engaged` event with the status its ticket has now. */
export type EngagementEvent = {
  ticketNumber: number;
  seq: number;
  at: Date;
  type: string;
  detail: string;
  ticketStatus: TicketStatus;
};
