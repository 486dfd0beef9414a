import type { Clock } from '../../clock/clock.js';
import type { Logger } from '../../logger.js';
import { asEmergency } from '../../outbox/address.js';
import type { JobQueue } from '../../queue/job-queue.js';
import type { Ticket } from '../../tickets/ticket.js';
import type { TicketStore } from '../../tickets/ticket-store.js';
import { offerVolunteerTickets } from './offer-volunteers.js';
import { mayHaveDueTimers, planTimers, TIMED_STATUSES } from './plan-timers.js';
import { timerChange } from './timer-change.js';
import type { TimerContext } from './timer-settings.js';

export type SweepDeps = TimerContext & {
  tickets: Pick<TicketStore, 'listTickets' | 'getTicket' | 'events' | 'change'>;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  clock: Clock;
  logger: Logger;
};

export type SweepResult = { steps: number; conflicts: number };

/** More steps than a ticket can owe at once (resume, reminders, overdue marks, a rung, 吹哨 stages). */
const MAX_STEPS_PER_TICKET = 20;

/**
 * One sweep of the deadline timers at the clock's now: for every ticket the clock may owe something, takes
 * each due step as one store change guarded by the seq of the events it was decided on, so a step is never
 * taken twice, by a repeated sweep, a concurrent one or one after a restart. Durable by construction: all
 * the state is in the store. A step refused as a conflict is left to the next sweep.
 */
export async function sweepTimers(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { steps: 0, conflicts: 0 };
  for (const listed of await deps.tickets.listTickets({ statuses: TIMED_STATUSES })) {
    if (mayHaveDueTimers(listed, now, deps)) {
      await sweepTicket(deps, listed.number, now, result);
    }
  }
  result.steps += await offerVolunteerTickets(deps);
  if (result.steps > 0 || result.conflicts > 0) {
    deps.logger.info({ event: 'sla.sweep.done', ...result }, 'timers swept');
  }
  return result;
}

async function sweepTicket(deps: SweepDeps, number: number, now: Date, result: SweepResult): Promise<void> {
  for (let i = 0; i < MAX_STEPS_PER_TICKET; i++) {
    // events first: any change after this read moves the seq, so the guard below refuses a stale decision
    const events = await deps.tickets.events(number);
    const ticket = await deps.tickets.getTicket(number);
    const step = ticket && planTimers(ticket, events, now, deps).due[0];
    const change = ticket && step && timerChange(ticket, step, now, deps);
    if (!ticket || !step || !change) {
      return;
    }
    // an emergency's reminders and escalations go out before everything else, as its first answer did
    const outbox = ticket.urgency === 'emergency' ? change.outbox?.map(asEmergency) : change.outbox;
    const changed = await deps.tickets.change(number, {
      ...change,
      ...(outbox ? { outbox } : {}),
      expectSeq: events.at(-1)?.seq ?? 0,
    });
    if (!changed.ok) {
      result.conflicts += 1;
      return;
    }
    result.steps += 1;
    await deps.queue.enqueueOutbox(changed.outboxIds);
    deps.logger.info({ event: 'sla.timer.fired', ticket: number, step: step.kind }, 'timer step');
  }
}

/** When the next timer step of any ticket is due; `now` when one is due already; null when none is planned. */
export async function nextTimerAt(
  deps: TimerContext & { tickets: Pick<TicketStore, 'listTickets' | 'events'>; clock: Clock },
): Promise<Date | null> {
  const now = deps.clock.now();
  let next: Date | null = null;
  const consider = (at: Date | null) => {
    if (at !== null && (next === null || at < next)) {
      next = at;
    }
  };
  const tickets: Ticket[] = await deps.tickets.listTickets({ statuses: TIMED_STATUSES });
  for (const ticket of tickets) {
    const plan = planTimers(ticket, await deps.tickets.events(ticket.number), now, deps);
    consider(plan.due.length > 0 ? now : plan.next);
  }
  return next;
}
