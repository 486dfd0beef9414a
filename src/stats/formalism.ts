import { everBlocked } from '../tickets/blockers.js';
import type { Ticket, TicketEvent } from '../tickets/ticket.js';
import {
  eventsOf,
  groupKey,
  hasEvent,
  lastResolvedAt,
  respondedAt,
  wasDeclaredResolved,
} from './ticket-facts.js';

/** Signs that a closure was made on paper rather than in fact (形式主义). */
export const SIGNAL_NAMES = [
  'no_photo_evidence',
  'quick_close',
  'deadline_bunching',
  'timeout_closure',
  'rating_pressure',
  'bounced',
  'stuck_unexplained',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

export type Signal = { name: SignalName; detail: string };

/**
 * What each signal weighs in a score. Pressing residents for a good rating is manipulation outright (3);
 * a resolution minutes after acceptance with no progress note is the typical paper closure (2); the rest
 * have innocent explanations one at a time and only weigh when they pile up (1).
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalName, number>> = {
  no_photo_evidence: 1,
  quick_close: 2,
  deadline_bunching: 1,
  timeout_closure: 1,
  rating_pressure: 3,
  bounced: 1,
  stuck_unexplained: 1,
};

export type FormalismOptions = {
  /** A resolution this soon after acceptance, with no progress note, is a quick close (default 10 minutes). */
  quickCloseMs: number;
  /** A resolution in this last share of the span from creation to `resolveBy` is bunched (default 5%). */
  bunchingShare: number;
  /** …or in this last stretch before `resolveBy`, whichever is longer (default 1 hour). */
  bunchingMs: number;
};

export const DEFAULT_FORMALISM_OPTIONS: FormalismOptions = {
  quickCloseMs: 10 * 60_000,
  bunchingShare: 0.05,
  bunchingMs: 3_600_000,
};

/**
 * The formalism signals of one ticket's resolution; none for a ticket never declared resolved. Photo
 * evidence counts only when someone other than the reporters sent it: the reporter's own photo of the
 * problem proves nothing about the fix.
 */
export function formalismSignals(
  ticket: Ticket,
  events: readonly TicketEvent[],
  options: Partial<FormalismOptions> = {},
): Signal[] {
  const stuck = stuckUnexplained(events);
  if (!wasDeclaredResolved(ticket, events)) {
    return stuck;
  }
  const opts = { ...DEFAULT_FORMALISM_OPTIONS, ...options };
  const signals: Signal[] = [];
  const reporters = new Set([ticket.reporter, ...ticket.coReporters]);
  if (!ticket.evidence.some((e) => e.kind === 'photo' && !reporters.has(e.by))) {
    signals.push({ name: 'no_photo_evidence', detail: 'resolved without a photo from the handling side' });
  }
  const quick = quickClose(ticket, events, opts.quickCloseMs);
  if (quick !== null) {
    signals.push({ name: 'quick_close', detail: `resolved ${quick} min after acceptance, no progress note` });
  }
  const bunched = bunchedBeforeDeadline(ticket, events, opts);
  if (bunched !== null) {
    signals.push({ name: 'deadline_bunching', detail: `resolved ${bunched} min before the deadline` });
  }
  if (ticket.confirmation === 'timeout' || hasEvent(events, 'timeout_close')) {
    signals.push({ name: 'timeout_closure', detail: 'closed because the reporter did not answer' });
  }
  const pressure = eventsOf(events, 'rating_pressure').length;
  if (pressure > 0) {
    signals.push({ name: 'rating_pressure', detail: `${pressure} report(s) of pressing for a good rating` });
  }
  const moves = ticket.returnCount + ticket.transferCount;
  if (moves >= 2) {
    signals.push({ name: 'bounced', detail: `returned or transferred ${moves} times` });
  }
  return [...signals, ...stuck];
}

/**
 * A ticket that went past a deadline with no 卡点 recorded: whoever held it never said why it was stuck
 * (money, materials, powers, another body, the resident, policy), so nobody could help. Counted whether or
 * not it was resolved later.
 */
function stuckUnexplained(events: readonly TicketEvent[]): Signal[] {
  return hasEvent(events, 'overdue') && !everBlocked(events)
    ? [{ name: 'stuck_unexplained', detail: 'past a deadline with no blocker recorded' }]
    : [];
}

/** Minutes from acceptance to the first resolution, when that is a quick close; otherwise null. */
function quickClose(ticket: Ticket, events: readonly TicketEvent[], thresholdMs: number): number | null {
  const accepted = respondedAt(ticket, events);
  const resolved = eventsOf(events, 'resolve')[0]?.at ?? ticket.resolvedAt;
  if (accepted === null || resolved === null) {
    return null;
  }
  const took = resolved.getTime() - accepted.getTime();
  const progressed = eventsOf(events, 'progress').some((e) => e.at.getTime() <= resolved.getTime());
  return took <= thresholdMs && !progressed ? Math.max(0, Math.round(took / 60_000)) : null;
}

/** Minutes before `resolveBy` of a resolution made in the deadline's last stretch; otherwise null. */
function bunchedBeforeDeadline(
  ticket: Ticket,
  events: readonly TicketEvent[],
  opts: FormalismOptions,
): number | null {
  const resolved = lastResolvedAt(ticket, events);
  if (ticket.resolveBy === null || resolved === null) {
    return null;
  }
  const left = ticket.resolveBy.getTime() - resolved.getTime();
  const span = ticket.resolveBy.getTime() - ticket.createdAt.getTime();
  const window = Math.max(span * opts.bunchingShare, opts.bunchingMs);
  return left >= 0 && left <= window ? Math.round(left / 60_000) : null;
}

export type FormalismRow = {
  key: string;
  /** Weighted signals per ticket counted; 0 when the group has none. */
  score: number;
  /** Tickets counted (declared resolved, or stuck past a deadline unexplained): the score's denominator. */
  tickets: number;
  signals: Record<SignalName, number>;
};

/**
 * Scores groups (by body or by party branch) on the formalism signals of their resolved tickets and of
 * those stuck past a deadline with no blocker recorded:
 * the sum of SIGNAL_WEIGHTS over every signal, divided by the tickets counted. Worst first.
 */
export function formalismScore(
  tickets: readonly Ticket[],
  events: ReadonlyMap<number, readonly TicketEvent[]>,
  by: 'body' | 'party_branch',
  options: Partial<FormalismOptions> = {},
): FormalismRow[] {
  const groups = new Map<string, { tickets: number; weight: number; signals: Record<SignalName, number> }>();
  for (const ticket of tickets) {
    const log = events.get(ticket.number) ?? [];
    const signals = formalismSignals(ticket, log, options);
    if (!wasDeclaredResolved(ticket, log) && signals.length === 0) {
      continue;
    }
    const key = groupKey(ticket, by);
    const group = groups.get(key) ?? { tickets: 0, weight: 0, signals: emptySignalCounts() };
    groups.set(key, group);
    group.tickets += 1;
    for (const signal of signals) {
      group.signals[signal.name] += 1;
      group.weight += SIGNAL_WEIGHTS[signal.name];
    }
  }
  return [...groups]
    .map(([key, g]) => ({ key, score: g.weight / g.tickets, tickets: g.tickets, signals: g.signals }))
    .sort((a, b) => b.score - a.score || b.tickets - a.tickets || a.key.localeCompare(b.key));
}

export function emptySignalCounts(): Record<SignalName, number> {
  return Object.fromEntries(SIGNAL_NAMES.map((name) => [name, 0])) as Record<SignalName, number>;
}
