import type { Confirmation, TicketStatus } from './ticket.js';

export const TICKET_ACTIONS = [
  'accept',
  'progress',
  'resolve',
  'confirm',
  'reject',
  'timeout_close',
  'reopen',
  'return',
  'reroute',
  'transfer',
  'merge',
  'withdraw',
  'cancel',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Counters an action bumps on the ticket (reopenCount, returnCount, transferCount). */
export type TransitionCounts = { reopen?: true; return?: true; transfer?: true };

export type TransitionRule = {
  from: readonly TicketStatus[];
  to: TicketStatus;
  counts?: TransitionCounts;
  /** The reporter's verdict the action records. */
  confirmation?: Confirmation;
};

/** Statuses no action leaves; `closed` is left only by `reopen`. */
export const TERMINAL_STATUSES: readonly TicketStatus[] = ['merged', 'cancelled'];

/**
 * The status machine. Decisions:
 * - `accept` only from open: a returned ticket is the dispatcher's, who `reroute`s it to open first.
 * - `progress` and `resolve` need an accepted ticket; a handler who fixes something without 接单 is
 *   accepted then resolved by the caller, so the response time is still recorded.
 * - `reject` (不满意) and `reopen` (a recurrence, a supervisor) put the ticket back to accepted with the
 *   same handler and count a reopen; `reopen` also reaches closed tickets, nothing else does.
 * - `transfer` re-opens the ticket for a new body and counts; a returned ticket goes through `reroute`.
 * - `withdraw` is the reporter's, allowed until the ticket is resolved; `cancel` is a supervisor's and
 *   also reaches a resolved ticket (spam, duplicates found late). Neither touches a closed ticket.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<TicketAction, TransitionRule>> = {
  accept: { from: ['open'], to: 'accepted' },
  progress: { from: ['accepted'], to: 'accepted' },
  resolve: { from: ['accepted'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'closed', confirmation: 'satisfied' },
  reject: { from: ['resolved'], to: 'accepted', counts: { reopen: true }, confirmation: 'unsatisfied' },
  timeout_close: { from: ['resolved'], to: 'closed', confirmation: 'timeout' },
  reopen: { from: ['resolved', 'closed'], to: 'accepted', counts: { reopen: true } },
  return: { from: ['open', 'accepted'], to: 'returned', counts: { return: true } },
  reroute: { from: ['returned'], to: 'open' },
  transfer: { from: ['open', 'accepted'], to: 'open', counts: { transfer: true } },
  merge: { from: ['open', 'accepted'], to: 'merged' },
  withdraw: { from: ['open', 'accepted', 'returned'], to: 'cancelled' },
  cancel: { from: ['open', 'accepted', 'returned', 'resolved'], to: 'cancelled' },
};

export type TransitionPlan =
  | { ok: true; to: TicketStatus; counts?: TransitionCounts; confirmation?: Confirmation }
  | { ok: false; reason: 'illegal_transition'; from: TicketStatus; action: TicketAction };

/** What `action` does to a ticket in `status`, or why it may not. */
export function planTransition(status: TicketStatus, action: TicketAction): TransitionPlan {
  const rule = ALLOWED_TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    return { ok: false, reason: 'illegal_transition', from: status, action };
  }
  return {
    ok: true,
    to: rule.to,
    ...(rule.counts ? { counts: rule.counts } : {}),
    ...(rule.confirmation ? { confirmation: rule.confirmation } : {}),
  };
}

export function isTerminal(status: TicketStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
