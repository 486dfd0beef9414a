import type { OutboxMessage } from './outbox.js';
import type { Ticket, TicketPatch } from './ticket.js';
import type { Change, ChangeResult, TicketStore } from './ticket-store.js';
import { planTransition, type TicketAction } from './transitions.js';

export type ActionInput = {
  action: TicketAction;
  actor: string;
  at: Date;
  /** What happened, in a line: the reason, the progress note, what was done. */
  detail: string;
  /** Further fields the action changes (evidence, body, assignees…); status and counters are set here. */
  patch?: TicketPatch;
  /** The messages this change sends; a function when they need the changed ticket. */
  outbox?: readonly OutboxMessage[] | ((ticket: Ticket) => readonly OutboxMessage[]);
  /** Event type when it differs from the action name (e.g. `reminded`). */
  eventType?: string;
  /** Marks the message that asked for this handled in the same transaction (exactly-once commands). */
  settles?: Change['settles'];
};

export type ActionResult =
  | ChangeResult
  | { ok: false; reason: 'illegal_transition'; ticket: Ticket; action: TicketAction };

/**
 * Applies one lifecycle action: checks the transition against the status machine, then writes the status,
 * its counters, the event and the outbox in one store change that refuses if the status moved meanwhile.
 */
export async function applyAction(
  tickets: Pick<TicketStore, 'getTicket' | 'change'>,
  ticketNumber: number,
  input: ActionInput,
): Promise<ActionResult> {
  const ticket = await tickets.getTicket(ticketNumber);
  if (!ticket) {
    return { ok: false, reason: 'not_found' };
  }
  const plan = planTransition(ticket.status, input.action);
  if (!plan.ok) {
    return { ok: false, reason: 'illegal_transition', ticket, action: input.action };
  }
  const patch: TicketPatch = { ...input.patch, status: plan.to };
  if (plan.counts?.reopen) {
    patch.reopenCount = ticket.reopenCount + 1;
  }
  if (plan.counts?.return) {
    patch.returnCount = ticket.returnCount + 1;
  }
  if (plan.counts?.transfer) {
    patch.transferCount = ticket.transferCount + 1;
  }
  if (plan.confirmation) {
    patch.confirmation = plan.confirmation;
  }
  const projected = { ...ticket, ...patch } as Ticket;
  const outbox = typeof input.outbox === 'function' ? input.outbox(projected) : (input.outbox ?? []);
  return tickets.change(ticketNumber, {
    event: { at: input.at, actor: input.actor, type: input.eventType ?? input.action, detail: input.detail },
    patch,
    expectStatus: [ticket.status],
    outbox,
    ...(input.settles ? { settles: input.settles } : {}),
  });
}
