import type { OutboxMessage } from './outbox.js';
import type { Ticket, TicketPatch } from './ticket.js';
import type { Change, ChangeResult, TicketStore } from './ticket-store.js';
import { planTransition, type TicketAction } from './transitions.js';

/** One step of a change: a lifecycle action (checked against the status machine), or a record without one. */
export type ActionStep = {
  /** The lifecycle action; absent for a record that moves no status (then `eventType` names it). */
  action?: TicketAction;
  /** What happened, in a line: the reason, the progress note, what was done. */
  detail: string;
  /** Further fields the step changes (evidence, body, assignees…); status and counters are set here. */
  patch?: TicketPatch;
  /** Event type when it differs from the action name (e.g. `recurrence`). */
  eventType?: string;
};

export type ActionInput = ActionStep & {
  action: TicketAction;
  actor: string;
  at: Date;
  /** The messages this change sends; a function when they need the changed ticket. */
  outbox?: readonly OutboxMessage[] | ((ticket: Ticket) => readonly OutboxMessage[]);
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
export function applyAction(
  tickets: Pick<TicketStore, 'getTicket' | 'change'>,
  ticketNumber: number,
  input: ActionInput,
): Promise<ActionResult> {
  const { actor, at, outbox, settles, ...step } = input;
  return applyActions(tickets, ticketNumber, { actor, at, outbox, settles, steps: [step] });
}

/**
 * Applies several steps as ONE store change, each its own event (e.g. accept then resolve, or reopen then
 * the recurrence record): all or none, so a crash between them cannot leave half of it done.
 */
export async function applyActions(
  tickets: Pick<TicketStore, 'getTicket' | 'change'>,
  ticketNumber: number,
  input: Omit<ActionInput, keyof ActionStep> & { steps: readonly ActionStep[] },
): Promise<ActionResult> {
  const ticket = await tickets.getTicket(ticketNumber);
  if (!ticket) {
    return { ok: false, reason: 'not_found' };
  }
  let projected = ticket;
  const changes: { event: Change['event']; patch: TicketPatch }[] = [];
  for (const step of input.steps) {
    const patch: TicketPatch = { ...step.patch };
    if (step.action) {
      const plan = planTransition(projected.status, step.action);
      if (!plan.ok) {
        return { ok: false, reason: 'illegal_transition', ticket: projected, action: step.action };
      }
      Object.assign(patch, countersOf(projected, plan), { status: plan.to });
    }
    projected = { ...projected, ...patch } as Ticket;
    const type = step.eventType ?? step.action ?? 'progress';
    changes.push({ event: { at: input.at, actor: input.actor, type, detail: step.detail }, patch });
  }
  const [first, ...rest] = changes;
  if (!first) {
    return { ok: true, ticket, outboxIds: [] };
  }
  const outbox = typeof input.outbox === 'function' ? input.outbox(projected) : (input.outbox ?? []);
  return tickets.change(ticketNumber, {
    event: first.event,
    patch: first.patch,
    followedBy: rest,
    expectStatus: [ticket.status],
    outbox,
    ...(input.settles ? { settles: input.settles } : {}),
  });
}

function countersOf(t: Ticket, plan: Extract<ReturnType<typeof planTransition>, { ok: true }>): TicketPatch {
  const patch: TicketPatch = {};
  if (plan.counts?.reopen) {
    patch.reopenCount = t.reopenCount + 1;
  }
  if (plan.counts?.return) {
    patch.returnCount = t.returnCount + 1;
  }
  if (plan.counts?.transfer) {
    patch.transferCount = t.transferCount + 1;
  }
  if (plan.confirmation) {
    patch.confirmation = plan.confirmation;
  }
  return patch;
}
