import { type Blocker, openBlocker } from '../tickets/blockers.js';
import type { Ticket } from '../tickets/ticket.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { OPEN_STATUSES } from './ticket-facts.js';

export type StuckTicket = { ticket: Ticket; blocker: Blocker };

/** The open blockers (卡点) of the open tickets `visible` lets through, longest stuck first. */
export async function openBlockers(
  tickets: Pick<TicketStore, 'listTickets' | 'events'>,
  visible: (t: Ticket) => boolean = () => true,
): Promise<StuckTicket[]> {
  const open = await tickets.listTickets({ statuses: OPEN_STATUSES });
  const found: StuckTicket[] = [];
  for (const ticket of open.filter(visible)) {
    const blocker = openBlocker(await tickets.events(ticket.number));
    if (blocker) {
      found.push({ ticket, blocker });
    }
  }
  return found.sort(
    (a, b) => a.blocker.since.getTime() - b.blocker.since.getTime() || a.ticket.number - b.ticket.number,
  );
}
