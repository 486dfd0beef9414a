import { openBlocker } from '../tickets/blockers.js';
import type { Ticket, TicketEvent, TicketStatus } from '../tickets/ticket.js';

/**
 * What a ticket's fields and its event log say happened to it, for statistics. The log is read first and
 * the ticket's fields fill in where it is silent, so a figure never depends on one handler remembering
 * to set `respondedAt`.
 */

/** Statuses in which the handling side still owes work. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['open', 'accepted', 'returned'];

export type Grouping = 'body' | 'grid' | 'party_branch';

/** Key of the group a ticket falls in for breakdowns; tickets without a grid or branch fall in `none`. */
export function groupKey(ticket: Ticket, by: Grouping): string {
  switch (by) {
    case 'body':
      return ticket.body;
    case 'grid':
      return ticket.grid ?? 'none';
    case 'party_branch':
      return ticket.partyBranch ?? 'none';
  }
}

export function isOpen(ticket: Ticket): boolean {
  return OPEN_STATUSES.includes(ticket.status);
}

/** Tickets that are not requests of their own: merged into another, withdrawn or cancelled. */
export function isCounted(ticket: Ticket): boolean {
  return ticket.status !== 'merged' && ticket.status !== 'cancelled';
}

export const hasEvent = (events: readonly TicketEvent[], ...types: string[]): boolean =>
  events.some((e) => types.includes(e.type));

export const eventsOf = (events: readonly TicketEvent[], type: string): TicketEvent[] =>
  events.filter((e) => e.type === type);

/**
 * When the handling side first responded: 接单, or an earlier answer to the reporter in the group, or word
 * to the group of how the problem stands, from someone who works the ticket (`staff_replied`,
 * `staff_update`, which set the ticket's `respondedAt`).
 */
export function respondedAt(ticket: Ticket, events: readonly TicketEvent[]): Date | null {
  const accepted = eventsOf(events, 'accept')[0]?.at ?? null;
  const recorded = ticket.respondedAt;
  if (accepted === null || recorded === null) {
    return accepted ?? recorded;
  }
  return new Date(Math.min(recorded.getTime(), accepted.getTime()));
}

/** When the handler last declared the ticket resolved (办结). */
export function lastResolvedAt(ticket: Ticket, events: readonly TicketEvent[]): Date | null {
  return eventsOf(events, 'resolve').at(-1)?.at ?? ticket.resolvedAt;
}

/** Whether the handler's resolution currently stands (awaiting the reporter, or closed). */
export function isResolvedNow(ticket: Ticket): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}

/** Whether a handler ever declared it resolved, including resolutions since rejected or reopened. */
export function wasDeclaredResolved(ticket: Ticket, events: readonly TicketEvent[]): boolean {
  return isResolvedNow(ticket) || ticket.resolvedAt !== null || hasEvent(events, 'resolve');
}

/** Whether it was ever closed (confirmed or by timeout), even if a recurrence reopened it since. */
export function wasClosed(ticket: Ticket, events: readonly TicketEvent[]): boolean {
  return (
    ticket.status === 'closed' || ticket.closedAt !== null || hasEvent(events, 'confirm', 'timeout_close')
  );
}

/** Closed with the reporter's "satisfied" (满意), and still closed: the only confirmed resolution. */
export function isConfirmed(ticket: Ticket): boolean {
  return ticket.status === 'closed' && ticket.confirmation === 'satisfied';
}

export function wasReopened(ticket: Ticket, events: readonly TicketEvent[]): boolean {
  return ticket.reopenCount > 0 || hasEvent(events, 'reject', 'reopen');
}

/** True when the response is decided late: given after `respondBy`, or still owed past it. */
export function respondedLate(ticket: Ticket, events: readonly TicketEvent[], now: Date): boolean {
  if (ticket.respondBy === null) {
    return false;
  }
  const at = respondedAt(ticket, events);
  return (at ?? now).getTime() > ticket.respondBy.getTime() && (at !== null || isOpen(ticket));
}

/** True when the resolution is decided late: the standing resolution came after `resolveBy`, or it is owed past it. */
export function resolvedLate(ticket: Ticket, events: readonly TicketEvent[], now: Date): boolean {
  if (ticket.resolveBy === null) {
    return false;
  }
  if (isResolvedNow(ticket)) {
    const at = lastResolvedAt(ticket, events);
    return at !== null && at.getTime() > ticket.resolveBy.getTime();
  }
  // while a blocker (卡点) stands, the resolution clock stands still
  return isOpen(ticket) && openBlocker(events) === null && now.getTime() > ticket.resolveBy.getTime();
}

/**
 * How long an open ticket has been past a deadline it still owes (the response first, it passed earlier),
 * in milliseconds; null when it owes nothing overdue.
 */
export function openOverdueFor(ticket: Ticket, events: readonly TicketEvent[], now: Date): number | null {
  if (!isOpen(ticket)) {
    return null;
  }
  // a standing blocker (卡点) stops the resolution clock: it is on the blocker list, not the overdue one
  const resolveBy = openBlocker(events) === null ? ticket.resolveBy : null;
  const owed = respondedAt(ticket, events) === null ? [ticket.respondBy, resolveBy] : [resolveBy];
  const passed = owed
    .filter((d): d is Date => d !== null && now.getTime() > d.getTime())
    .map((d) => now.getTime() - d.getTime());
  return passed.length === 0 ? null : Math.max(...passed);
}

/** Whether it missed a deadline at any point: late now, answered late, or flagged by the deadline scan. */
export function breachedDeadline(ticket: Ticket, events: readonly TicketEvent[], now: Date): boolean {
  return (
    respondedLate(ticket, events, now) ||
    resolvedLate(ticket, events, now) ||
    openOverdueFor(ticket, events, now) !== null ||
    hasEvent(events, 'overdue')
  );
}
