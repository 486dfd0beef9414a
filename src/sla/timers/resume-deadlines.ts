import type { Ticket } from '../../tickets/ticket.js';
import { pausedDeadline } from '../deadlines.js';
import type { WorkingCalendar } from '../working-calendar.js';

/** The fields a reopen sets so the deadline clock resumes where it paused. */
export type ResumedDeadlines = Pick<Ticket, 'resolveBy'> & { deadlinesResumedAt: Date };

/**
 * The deadline patch for a ticket that leaves `resolved` (or `closed`) back to work at `now`: the clock
 * paused while the ticket waited for the resident, so resolveBy moves out by the time that was left when
 * it was resolved (pausedDeadline). Spread it into the patch of the reopening change (不满意, a recurrence,
 * a supervisor's reopen); `deadlinesResumedAt` tells the timers' sweep it was done, otherwise the sweep
 * does it itself, dated to the reopen event.
 */
export function resumeDeadlines(
  ticket: Pick<Ticket, 'resolveBy' | 'resolvedAt' | 'urgency'>,
  now: Date,
  calendar: WorkingCalendar,
): ResumedDeadlines {
  return resumeFrom(ticket, ticket.resolvedAt, now, calendar);
}

/** Like resumeDeadlines with the pause's start given (the sweep reads it from the `resolve` event). */
export function resumeFrom(
  ticket: Pick<Ticket, 'resolveBy' | 'urgency'>,
  pausedFrom: Date | null,
  resumedAt: Date,
  calendar: WorkingCalendar,
): ResumedDeadlines {
  const { resolveBy } = ticket;
  if (resolveBy === null || pausedFrom === null) {
    return { resolveBy, deadlinesResumedAt: resumedAt };
  }
  return {
    resolveBy: pausedDeadline(resolveBy, pausedFrom, resumedAt, ticket.urgency, calendar),
    deadlinesResumedAt: resumedAt,
  };
}
