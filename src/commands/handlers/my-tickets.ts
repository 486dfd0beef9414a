import type { Person } from '../../directory/directory.js';
import { openOverdueFor } from '../../stats/ticket-facts.js';
import { isCoReporter, isReporter, type Sender } from '../../tickets/reporters.js';
import type { Ticket } from '../../tickets/ticket.js';
import { mayReroute } from '../authorize.js';
import { commandReplies } from '../replies.js';
import type { CommandHandler, HandlerDeps } from './context.js';
import { done } from './context.js';

const MAX_LISTED = 10;
const MAX_GRID_LISTED = 15;

/**
 * 我的工单: a resident's own and co-reported tickets, newest first, where they asked; a staff member's
 * assigned open tickets (and, for dispatchers, returned tickets to re-route; for a branch secretary, the
 * grid's tickets in hand), privately.
 */
export const myTickets: CommandHandler<'my_tickets'> = async (deps, ctx) => {
  const name = ctx.person.name;
  if (ctx.person.roles.includes('resident')) {
    const tickets = await residentTickets(deps, { name, id: ctx.message.senderId });
    const text =
      tickets.length === 0 ? commandReplies.myTicketsEmpty(false) : commandReplies.myTickets(tickets, false);
    return done(null, [ctx.here(text)]);
  }
  const assigned = await deps.tickets.listTickets({ assignee: name, statuses: ['open', 'accepted'] });
  const returned = (await deps.tickets.listTickets({ statuses: ['returned'] })).filter((t) =>
    mayReroute(deps.directory, ctx.person, t),
  );
  const grid = await gridTickets(deps, ctx.person, ctx.now);
  let text =
    assigned.length === 0
      ? grid
        ? ''
        : commandReplies.myTicketsEmpty(true)
      : commandReplies.myTickets(assigned, true);
  if (returned.length > 0) {
    text += commandReplies.returnedToDispatch(returned);
  }
  if (grid) {
    text += `${text ? '\n' : ''}${grid}`;
  }
  return done(null, [ctx.privately(text)]);
};

/**
 * A branch secretary's grid: its tickets still in hand (to accept, in work, returned, awaiting the
 * resident), overdue first, then newest first; null for anyone else or an empty grid.
 */
async function gridTickets(deps: HandlerDeps, person: Person, now: Date): Promise<string | null> {
  if (!person.roles.includes('branch_secretary') || person.grids.length === 0) {
    return null;
  }
  const inHand = await deps.tickets.listTickets({ statuses: ['open', 'accepted', 'returned', 'resolved'] });
  const rows = inHand
    .filter((t) => t.grid !== null && person.grids.includes(t.grid))
    .map((t) => ({ t, holder: holderOf(deps, t), late: openOverdueFor(t, [], now) !== null }))
    .sort((a, b) => Number(b.late) - Number(a.late) || b.t.number - a.t.number);
  if (rows.length === 0) {
    return null;
  }
  const shown = rows.slice(0, MAX_GRID_LISTED);
  return commandReplies.gridTickets(person.grids.join('、'), shown, rows.length - shown.length);
}

const holderOf = (deps: HandlerDeps, t: Ticket): string =>
  `${deps.directory.bodyDisplayName(t.body, t.location.compound)}（${t.assignees.join('、') || '待分派'}）`;

/** The sender's own tickets and those they co-reported, by account where the ticket knows it. */
async function residentTickets(deps: HandlerDeps, sender: Sender): Promise<Ticket[]> {
  const own = (await deps.tickets.listTickets({ reporter: sender.name })).filter((t) =>
    isReporter(t, sender),
  );
  const active = await deps.tickets.listTickets({ statuses: ['open', 'accepted', 'resolved', 'returned'] });
  const co = active.filter((t) => isCoReporter(t, sender) && !isReporter(t, sender));
  return [...own, ...co].sort((a, b) => b.number - a.number).slice(0, MAX_LISTED);
}
