import type { JointBody, Ticket, TicketEvent } from '../tickets/ticket.js';
import { isCounted, isOpen, openOverdueFor } from './ticket-facts.js';

/** A joint (吹哨) ticket for the joint meeting: when the first body was called, and the bodies called. */
export type JointItem = { ticket: Ticket; firstCalledAt: Date; bodies: readonly JointBody[] };

/** A stuck ticket: still owed work and past a deadline, or already escalated up the ladder. */
export type StuckItem = { ticket: Ticket; overdueMs: number | null };

export type JointMeetingAgenda = { joint: JointItem[]; stuck: StuckItem[] };

/**
 * What the weekly joint meeting (联席会议) goes through, from the tickets and their logs alone:
 * - joint tickets: a body was called by 吹哨 in [from, to), or one called earlier still has work owed;
 *   oldest call first;
 * - stuck tickets: still owed work (open, accepted, returned) and past a deadline now, or escalated
 *   (the ladder climbed, or the sweep flagged it overdue) and not yet resolved; longest overdue first.
 * Merged, withdrawn and cancelled tickets are left out.
 */
export function jointMeetingAgenda(
  tickets: readonly Ticket[],
  events: ReadonlyMap<number, readonly TicketEvent[]>,
  range: { from: Date; to: Date },
  now: Date,
): JointMeetingAgenda {
  const counted = tickets.filter(isCounted);
  const joint = counted
    .filter((t) => t.jointBodies.length > 0)
    .filter((t) => isOpen(t) || t.jointBodies.some((j) => j.calledAt >= range.from && j.calledAt < range.to))
    .map((t) => ({
      ticket: t,
      firstCalledAt: new Date(Math.min(...t.jointBodies.map((j) => j.calledAt.getTime()))),
      bodies: t.jointBodies,
    }))
    .sort(
      (a, b) => a.firstCalledAt.getTime() - b.firstCalledAt.getTime() || a.ticket.number - b.ticket.number,
    );
  const stuck = counted
    .filter(isOpen)
    .map((t) => ({ ticket: t, overdueMs: openOverdueFor(t, events.get(t.number) ?? [], now) }))
    .filter((s) => s.overdueMs !== null || s.ticket.escalationLevel > 0 || s.ticket.overdue)
    .sort((a, b) => (b.overdueMs ?? 0) - (a.overdueMs ?? 0) || a.ticket.number - b.ticket.number);
  return { joint, stuck };
}
