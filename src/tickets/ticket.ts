import type { Body, Category, Intent, TiaoKuai, Urgency } from '../labels/labels.js';

export const TICKET_STATUSES = [
  'open',
  'accepted',
  'resolved',
  'closed',
  'returned',
  'merged',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type Confirmation = 'satisfied' | 'unsatisfied' | 'timeout';

export type TicketLocation = {
  compound: string | null;
  building: number | null;
  unit: number | null;
  room: number | null;
  /** Free-text landmark when no building is named (菜市场门口, 明德路). */
  landmark: string | null;
};

export type Evidence = { kind: 'photo' | 'text' | 'voice'; ref: string; at: Date; by: string };
export type JointBody = {
  body: Body;
  name: string;
  liaison: string | null;
  calledAt: Date;
  reportedAt: Date | null;
};

/** A ticket as the domain sees it; its JSON form is in ticket-json.ts. */
export type Ticket = {
  number: number;
  status: TicketStatus;
  intent: Intent;
  category: Category;
  body: Body;
  tiaoKuai: TiaoKuai;
  urgency: Urgency;
  location: TicketLocation;
  grid: string | null;
  partyBranch: string | null;
  assignees: string[];
  reporter: string;
  /** Chat id of the reporter, so replies can @-mention them. */
  reporterId: string | null;
  coReporters: string[];
  /** WeChat ids of the co-reporters, aligned with coReporters ('' where unknown); absent when none is known. */
  coReporterIds?: string[];
  room: string | null;
  roomId: string | null;
  text: string;
  createdAt: Date;
  respondBy: Date | null;
  resolveBy: Date | null;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  confirmation: Confirmation | null;
  rating: number | null;
  reopenCount: number;
  recurrenceOf: number | null;
  mergedInto: number | null;
  overdue: boolean;
  escalationLevel: number;
  /**
   * When the deadlines last resumed after the ticket waited for the resident (a reopen moves resolveBy by
   * the paused time, see src/sla/timers/resume-deadlines.ts); absent or null when they never did.
   */
  deadlinesResumedAt?: Date | null;
  returnCount: number;
  transferCount: number;
  jointBodies: JointBody[];
  evidence: Evidence[];
  /** What classified it (`local`, `llm`, …) and how sure it was. */
  classifiedBy: string;
  confidence: number;
};

/** The fields a new ticket starts with; the store assigns the number and the rest start empty. */
export type NewTicket = Pick<
  Ticket,
  | 'intent'
  | 'category'
  | 'body'
  | 'tiaoKuai'
  | 'urgency'
  | 'location'
  | 'grid'
  | 'partyBranch'
  | 'assignees'
  | 'reporter'
  | 'reporterId'
  | 'room'
  | 'roomId'
  | 'text'
  | 'createdAt'
  | 'respondBy'
  | 'resolveBy'
  | 'classifiedBy'
  | 'confidence'
>;

/** Fields an event may change; the store never changes a ticket without an event. */
export type TicketPatch = Partial<Omit<Ticket, 'number' | 'createdAt'>>;

export type TicketEvent = {
  ticketNumber: number;
  /** 1, 2, 3… within the ticket. */
  seq: number;
  at: Date;
  actor: string;
  type: string;
  detail: string;
  /** Hash of the previous event of the whole log (tamper evidence); '' for the very first. */
  prevHash: string;
  hash: string;
};

export type NewEvent = Pick<TicketEvent, 'at' | 'actor' | 'type' | 'detail'>;
