import type { Ticket, TicketEvent } from '../tickets/ticket.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { RatesInput } from './rates.js';
import { isOpen } from './ticket-facts.js';

export type LoadRatesDeps = { tickets: Pick<TicketStore, 'listTickets' | 'events'> };

/**
 * Whether a ticket can figure in the period's numbers: created in it, still owed work or awaiting the
 * reporter, or closed during or after it. Only these need their event logs read.
 */
export function mayFigureIn(ticket: Ticket, from: Date): boolean {
  if (ticket.createdAt >= from || isOpen(ticket) || ticket.status === 'resolved') {
    return true;
  }
  return ticket.status === 'closed' && (ticket.closedAt === null || ticket.closedAt >= from);
}

/**
 * Reads what `computeRates` needs for a period from the store: the tickets that can figure in it (all of
 * them, or those `scope` keeps) and their event logs.
 */
export async function loadRatesInput(
  deps: LoadRatesDeps,
  input: { from: Date; to: Date; now: Date; scope?: (ticket: Ticket) => boolean },
): Promise<RatesInput> {
  const { from, to, now, scope } = input;
  const all = await deps.tickets.listTickets();
  const tickets = all.filter((t) => (scope ? scope(t) : true) && mayFigureIn(t, from));
  const events = new Map<number, TicketEvent[]>();
  for (const t of tickets) {
    events.set(t.number, await deps.tickets.events(t.number));
  }
  return { tickets, events, from, to, now };
}
