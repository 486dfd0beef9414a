import { isCoReporter, isReporter, type Sender } from '../../tickets/reporters.js';
import type { Ticket } from '../../tickets/ticket.js';
import { mayReroute } from '../authorize.js';
import { commandReplies } from '../replies.js';
import type { CommandHandler, HandlerDeps } from './context.js';
import { done } from './context.js';

const MAX_LISTED = 10;

/**
 * 我的工单: a resident's own and co-reported tickets, newest first, where they asked; a staff member's
 * assigned open tickets (and, for dispatchers, returned tickets to re-route), privately.
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
  let text =
    assigned.length === 0 ? commandReplies.myTicketsEmpty(true) : commandReplies.myTickets(assigned, true);
  if (returned.length > 0) {
    text += commandReplies.returnedToDispatch(returned);
  }
  return done(null, [ctx.privately(text)]);
};

/** The sender's own tickets and those they co-reported, by account where the ticket knows it. */
async function residentTickets(deps: HandlerDeps, sender: Sender): Promise<Ticket[]> {
  const own = (await deps.tickets.listTickets({ reporter: sender.name })).filter((t) =>
    isReporter(t, sender),
  );
  const active = await deps.tickets.listTickets({ statuses: ['open', 'accepted', 'resolved', 'returned'] });
  const co = active.filter((t) => isCoReporter(t, sender) && !isReporter(t, sender));
  return [...own, ...co].sort((a, b) => b.number - a.number).slice(0, MAX_LISTED);
}
