import type { Ticket, TicketEvent } from '../tickets/ticket.js';
import { type FormalismRow, formalismScore } from './formalism.js';
import {
  breachedDeadline,
  type Grouping,
  groupKey,
  hasEvent,
  isConfirmed,
  isCounted,
  isResolvedNow,
  lastResolvedAt,
  openOverdueFor,
  resolvedLate,
  respondedAt,
  respondedLate,
  wasClosed,
  wasDeclaredResolved,
  wasReopened,
} from './ticket-facts.js';

/** A rate as a supervisor should see it: 3/4, not just 75%. `value` is null when nothing was counted. */
export type Ratio = { numerator: number; denominator: number; value: number | null };

export type RatesInput = {
  /** Every ticket the figures may need: those created in the period and those still open. */
  tickets: Ticket[];
  /** Each ticket's event log by ticket number; a missing entry reads as no events. */
  events: ReadonlyMap<number, TicketEvent[]>;
  from: Date;
  to: Date;
  now: Date;
};

/**
 * The honest figures of a period. Counts and rates are over tickets created in [from, to), leaving out
 * merged tickets (they count with the ticket they joined) and withdrawn or cancelled ones (`cancelled`).
 * `openOverdue` is every open ticket overdue as of `now`, whenever it was created.
 */
export type Rates = {
  received: number;
  /** Responded to (接单). */
  accepted: number;
  /** The handler's resolution stands (awaiting the reporter, or closed). */
  resolved: number;
  /** Closed with the reporter's 满意. */
  confirmed: number;
  reopened: number;
  cancelled: number;
  /** Open tickets past a deadline now, of any period. */
  openOverdue: number;
  /** `openOverdue` plus this period's tickets that missed a deadline (handled late or flagged). */
  overdue: number;
  /** accepted / received. */
  responseRate: Ratio;
  /** Responded by respondBy / responded or past respondBy (open overdue counts against). */
  onTimeResponseRate: Ratio;
  /** resolved / received. */
  resolutionRate: Ratio;
  /** Resolved by resolveBy / resolved or open past resolveBy. */
  onTimeResolutionRate: Ratio;
  /** confirmed / declared resolved (timeouts, rejections and reopenings are unconfirmed, never satisfied). */
  confirmedResolutionRate: Ratio;
  /** Satisfied / answered (满意 or 不满意; a timeout is no answer). */
  satisfactionRate: Ratio;
  /** Reopened (不满意, recurrence, supervisor) / declared resolved. */
  reopenRate: Ratio;
  /** With a `recurrence` event / ever closed. */
  recurrenceRate: Ratio;
  /** Returned at least once / received. */
  returnRate: Ratio;
  /** Whistle blown (吹哨) / received. */
  whistleRate: Ratio;
  /** Formalism scores by body over the resolutions made in [from, to), worst first. */
  formalism: FormalismRow[];
};

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The tickets `received` counts: created in [from, to), neither merged into another nor withdrawn. */
export function receivedCohort(input: Pick<RatesInput, 'tickets' | 'from' | 'to'>): Ticket[] {
  const { tickets, from, to } = input;
  return tickets.filter(
    (t) => t.createdAt >= from && t.createdAt < to && t.status !== 'merged' && isCounted(t),
  );
}

/** Computes every figure of the period; see `Rates` for what each counts. */
export function computeRates(input: RatesInput): Rates {
  const { tickets, from, to, now } = input;
  const log = (t: Ticket): TicketEvent[] => input.events.get(t.number) ?? [];
  const created = tickets.filter((t) => t.createdAt >= from && t.createdAt < to && t.status !== 'merged');
  const cohort = receivedCohort(input);
  const count = (test: (t: Ticket, events: TicketEvent[]) => boolean): number =>
    cohort.filter((t) => test(t, log(t))).length;

  const received = cohort.length;
  const accepted = count((t, e) => respondedAt(t, e) !== null);
  const respondDecided = count((t, e) => respondedAt(t, e) !== null || respondedLate(t, e, now));
  const respondLate = count((t, e) => respondedLate(t, e, now));
  const resolved = count((t) => isResolvedNow(t));
  const resolveDecided = count((t, e) => isResolvedNow(t) || resolvedLate(t, e, now));
  const resolveLate = count((t, e) => resolvedLate(t, e, now));
  const declared = count((t, e) => wasDeclaredResolved(t, e));
  const confirmed = count((t) => isConfirmed(t));
  const answered = count((t) => t.confirmation === 'satisfied' || t.confirmation === 'unsatisfied');
  const satisfied = count((t) => t.confirmation === 'satisfied');
  const reopened = count((t, e) => wasReopened(t, e));
  const recurred = count((_t, e) => hasEvent(e, 'recurrence'));
  const closed = count((t, e) => wasClosed(t, e) || hasEvent(e, 'recurrence'));

  const openOverdueTickets = tickets.filter((t) => openOverdueFor(t, log(t), now) !== null);
  const overdueNumbers = new Set(openOverdueTickets.map((t) => t.number));
  for (const t of cohort) {
    if (breachedDeadline(t, log(t), now)) {
      overdueNumbers.add(t.number);
    }
  }
  const resolvedInPeriod = tickets.filter((t) => {
    const at = isCounted(t) ? lastResolvedAt(t, log(t)) : null;
    return at !== null && at >= from && at < to;
  });

  return {
    received,
    accepted,
    resolved,
    confirmed,
    reopened,
    cancelled: created.length - cohort.length,
    openOverdue: openOverdueTickets.length,
    overdue: overdueNumbers.size,
    responseRate: ratio(accepted, received),
    onTimeResponseRate: ratio(respondDecided - respondLate, respondDecided),
    resolutionRate: ratio(resolved, received),
    onTimeResolutionRate: ratio(resolveDecided - resolveLate, resolveDecided),
    confirmedResolutionRate: ratio(confirmed, declared),
    satisfactionRate: ratio(satisfied, answered),
    reopenRate: ratio(reopened, declared),
    recurrenceRate: ratio(recurred, closed),
    returnRate: ratio(
      count((t, e) => t.returnCount > 0 || hasEvent(e, 'return')),
      received,
    ),
    whistleRate: ratio(
      count((t, e) => t.jointBodies.length > 0 || hasEvent(e, 'whistle_called')),
      received,
    ),
    formalism: formalismScore(resolvedInPeriod, input.events, 'body'),
  };
}

/**
 * The same figures per body, grid or party branch (tickets without one fall under `none`), in key order.
 * Each group's `openOverdue` counts that group's open tickets only; groups with nothing in the period
 * (nothing received, nothing open overdue, no resolution) are left out.
 */
export function computeRatesBy(input: RatesInput, key: Grouping): Map<string, Rates> {
  return computeRatesByKeys(input, (ticket) => [groupKey(ticket, key)]);
}

/**
 * The same figures per group where a ticket may fall in several groups (a ticket counts for its grid party
 * branch and for its body's paired party organisation); otherwise as `computeRatesBy`.
 */
export function computeRatesByKeys(
  input: RatesInput,
  keysOf: (ticket: Ticket) => readonly string[],
): Map<string, Rates> {
  const groups = new Map<string, Ticket[]>();
  for (const ticket of input.tickets) {
    for (const k of new Set(keysOf(ticket))) {
      const group = groups.get(k);
      if (group) {
        group.push(ticket);
      } else {
        groups.set(k, [ticket]);
      }
    }
  }
  const out = new Map<string, Rates>();
  for (const [k, tickets] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const rates = computeRates({ ...input, tickets });
    if (rates.received + rates.cancelled + rates.openOverdue + rates.formalism.length > 0) {
      out.set(k, rates);
    }
  }
  return out;
}
