import type { Ticket } from '../../tickets/ticket.js';
import type { TicketStore } from '../../tickets/ticket-store.js';
import { MAX_REQUESTS, type RequestQuery } from './request-query.js';
import { type RequestView, type ServiceRequest, serviceCodeOf, toServiceRequest } from './service-request.js';

/** Tickets whose events are read side by side for their last update. */
const EVENT_BATCH = 25;

export type FindDeps = { tickets: Pick<TicketStore, 'listTickets' | 'getTicket' | 'events'> };

/** The requests a query asks for, the newest first, at most MAX_REQUESTS; unknown numbers are left out. */
export async function findRequests(
  deps: FindDeps,
  query: RequestQuery,
  view: RequestView,
): Promise<ServiceRequest[]> {
  const tickets = (await ticketsOf(deps, query))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number)
    .slice(0, MAX_REQUESTS);
  const found: ServiceRequest[] = [];
  for (let i = 0; i < tickets.length; i += EVENT_BATCH) {
    const batch = tickets.slice(i, i + EVENT_BATCH);
    const updated = await Promise.all(batch.map((t) => lastUpdate(deps, t)));
    for (const [j, t] of batch.entries()) {
      found.push(toServiceRequest(t, updated[j] ?? t.createdAt, view));
    }
  }
  return found;
}

/** One request by its ticket number, or undefined when there is no such ticket. */
export async function findRequest(
  deps: FindDeps,
  number: number,
  view: RequestView,
): Promise<ServiceRequest | undefined> {
  const t = await deps.tickets.getTicket(number);
  return t ? toServiceRequest(t, await lastUpdate(deps, t), view) : undefined;
}

async function ticketsOf(deps: FindDeps, query: RequestQuery): Promise<Ticket[]> {
  if (query.kind === 'ids') {
    const wanted = [...new Set(query.ids)].slice(0, MAX_REQUESTS);
    const found = await Promise.all(wanted.map((n) => deps.tickets.getTicket(n)));
    return found.filter((t): t is Ticket => t !== undefined);
  }
  const listed = await deps.tickets.listTickets({
    ...(query.statuses ? { statuses: query.statuses } : {}),
    createdFrom: query.from,
    ...(query.to ? { createdTo: query.to } : {}),
  });
  const codes = query.codes;
  return codes ? listed.filter((t) => codes.includes(serviceCodeOf(t))) : listed;
}

/** When the ticket last changed: its last event (every change is one). */
async function lastUpdate(deps: FindDeps, t: Ticket): Promise<Date> {
  const events = await deps.tickets.events(t.number);
  return events.at(-1)?.at ?? t.createdAt;
}
