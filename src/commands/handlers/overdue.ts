import { statsReplies } from '../../stats/replies.js';
import { OPEN_STATUSES, openOverdueFor } from '../../stats/ticket-facts.js';
import type { Ticket } from '../../tickets/ticket.js';
import { readsTicket } from '../authorize.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';

/** Lines listed before the rest are only counted, so a supervisor's answer stays one readable message. */
export const MAX_OVERDUE_LINES = 30;

/**
 * 超时: the open tickets past a deadline in the sender's scope, most overdue first, privately. The scope
 * is who reads a ticket: supervisors all; a grid worker their grid and assigned tickets; a liaison their
 * body's (and joint tickets they were called to); a branch secretary their grid; anyone their assigned.
 */
export const overdue: CommandHandler<'overdue'> = async (deps, ctx) => {
  const open = await deps.tickets.listTickets({ statuses: OPEN_STATUSES });
  const late: Array<{ ticket: Ticket; ms: number }> = [];
  for (const ticket of open.filter((t) => readsTicket(ctx.person, t))) {
    const ms = openOverdueFor(ticket, await deps.tickets.events(ticket.number), ctx.now);
    if (ms !== null) {
      late.push({ ticket, ms });
    }
  }
  if (late.length === 0) {
    return done(null, [ctx.privately(statsReplies.overdueNone())]);
  }
  late.sort((a, b) => b.ms - a.ms || a.ticket.number - b.ticket.number);
  const lines = late.slice(0, MAX_OVERDUE_LINES).map((l) => statsReplies.overdueLine(l.ticket, l.ms));
  return done(null, [ctx.privately(statsReplies.overdueList(lines, late.length - lines.length))]);
};
