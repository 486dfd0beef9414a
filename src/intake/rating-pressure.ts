import { maskPersonalData } from '../privacy/mask.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type TicketChangeDeps } from './settle-on-ticket.js';

export type RatingPressureDeps = TicketChangeDeps & {
  tickets: Pick<TicketStore, 'ticketsAssignedTo' | 'change' | 'getMessage' | 'settleMessage'>;
};

/** How long after closure a ticket still counts as the one a rating request is about. */
const RECENTLY_CLOSED_MS = 7 * 24 * 3600_000;
/** At most this many tickets (the latest) take one rating request. */
const MOST_PRESSURED = 100;

/**
 * The tickets a staff member's rating request in a group is about, oldest first: those assigned to them
 * from that group that are resolved or recently closed; failing that, their latest ticket from that group.
 */
export async function pressuredTickets(
  tickets: Pick<TicketStore, 'ticketsAssignedTo'>,
  message: SeenMessage,
  now: Date,
): Promise<Ticket[]> {
  const mine = { assignee: message.sender, roomId: message.roomId };
  const rated = await tickets.ticketsAssignedTo({
    ...mine,
    statuses: ['resolved', 'closed'],
    closedFrom: new Date(now.getTime() - RECENTLY_CLOSED_MS),
    limit: MOST_PRESSURED,
  });
  if (rated.length > 0) {
    return rated.reverse();
  }
  return tickets.ticketsAssignedTo({ ...mine, limit: 1 });
}

/**
 * Records a staff member pressing residents for a good rating (a formalism signal) as `rating_pressure` on
 * each ticket it is about. It is data, not a grievance: no ticket, no reply. The message is settled with the
 * first change, so a redelivery records nothing twice.
 */
export async function recordRatingPressure(deps: RatingPressureDeps, message: SeenMessage): Promise<void> {
  const now = deps.clock.now();
  const targets = await pressuredTickets(deps.tickets, message, now);
  if (targets.length === 0) {
    const outcome = { ticketNumber: null, intent: OUTCOMES.ratingPressure, handledAt: now };
    await deps.tickets.settleMessage(message.key, outcome, []);
    deps.logger.info(
      { event: 'intake.rating_pressure.unlinked', messageKey: message.key },
      'no ticket to link',
    );
    return;
  }
  const detail = `${message.room ?? '私聊'}中催促居民好评：「${maskPersonalData(message.text)}」`;
  const event = { at: now, actor: message.sender, type: 'rating_pressure', detail };
  const [first, ...rest] = targets;
  if (!first) {
    return;
  }
  const recorded = await changeAndSettle(deps, message, first.number, {
    intent: OUTCOMES.ratingPressure,
    event,
    patch: {},
  });
  if (recorded !== 'changed') {
    return;
  }
  for (const t of rest) {
    await deps.tickets.change(t.number, { event, patch: {} });
  }
}
