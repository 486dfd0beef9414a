import type { Category } from '../labels/labels.js';
import { isReporterOrCo } from '../tickets/reporters.js';
import type { Ticket, TicketLocation, TicketStatus } from '../tickets/ticket.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { samePlace } from './same-place.js';

/** Statuses in which a ticket is still being worked, so a second report joins it. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['open', 'accepted', 'returned'];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

type Store = Pick<TicketStore, 'listTickets'>;
/**
 * A problem at a place: its category and, when the classifier gives them, the other categories it
 * found plausible (a rewording of the same manhole may land in public security instead of road facilities).
 */
type Problem = { category: Category; location: TicketLocation; alsoPlausible?: readonly Category[] };

/** A category this likely, next to the chosen one, still describes the same problem for joining an open ticket. */
export const PLAUSIBLE_CATEGORY = 0.2;

/** The categories other than the chosen one that the classifier gave at least PLAUSIBLE_CATEGORY. */
export function alsoPlausible(c: {
  category: Category;
  category_probabilities?: Record<string, number>;
}): Category[] {
  return Object.entries(c.category_probabilities ?? {})
    .filter(([category, p]) => category !== c.category && p >= PLAUSIBLE_CATEGORY)
    .map(([category]) => category as Category);
}

const latestFirst = (a: Ticket, b: Ticket) => b.number - a.number;

/**
 * The open ticket about the same problem at the same place, created within the merge window: the same
 * category, or one the classifier also found plausible for this message.
 */
export async function findOpenDuplicate(
  tickets: Store,
  problem: Problem,
  input: { now: Date; mergeWindowH: number },
): Promise<Ticket | undefined> {
  const candidates = await tickets.listTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(input.now.getTime() - input.mergeWindowH * HOUR_MS),
    ...(problem.location.building !== null ? { building: problem.location.building } : {}),
  });
  const likely = (t: Ticket) =>
    (t.category === problem.category || problem.alsoPlausible?.includes(t.category) === true) &&
    samePlace(t.location, problem.location);
  // the same category first; a neighbouring one only when no ticket of the same category is open there
  return (
    candidates.filter((t) => sameProblem(t, problem)).sort(latestFirst)[0] ??
    candidates.filter(likely).sort(latestFirst)[0]
  );
}

/** The closed ticket about the same problem at the same place whose closure is within the recurrence window. */
export async function findRecurrence(
  tickets: Store,
  problem: Problem,
  input: { now: Date; recurrenceDays: number },
): Promise<Ticket | undefined> {
  const since = input.now.getTime() - input.recurrenceDays * DAY_MS;
  const closed = await tickets.listTickets({
    statuses: ['closed'],
    ...(problem.location.building !== null ? { building: problem.location.building } : {}),
  });
  return closed
    .filter((t) => t.closedAt !== null && t.closedAt.getTime() >= since && sameProblem(t, problem))
    .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0))[0];
}

/**
 * The person's latest ticket in the given statuses: in a group, one reported in that group or privately;
 * in a private chat, any.
 */
export async function latestTicketOf(
  tickets: Store,
  person: { id: string; name: string; roomId: string | null },
  statuses: readonly TicketStatus[],
): Promise<Ticket | undefined> {
  const all = await tickets.listTickets({ statuses });
  return all
    .filter((t) => isReporterOrCo(t, person))
    .filter((t) => person.roomId === null || t.roomId === null || t.roomId === person.roomId)
    .sort(latestFirst)[0];
}

/** Text folded for comparing a quote with a report: no spaces or punctuation. */
const folded = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * The open ticket a quoted reply quotes: reported (or joined) in this group by the quoted name within the
 * merge window, whose text contains the quote's opening (or the quote contains the report's opening).
 */
export async function findQuotedTicket(
  tickets: Store,
  message: { room: string | null; roomId: string | null },
  quoted: { name: string; text: string },
  input: { now: Date; mergeWindowH: number },
): Promise<Ticket | undefined> {
  const quote = folded(quoted.text);
  if (quote.length < 4) {
    return undefined;
  }
  const open = await tickets.listTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(input.now.getTime() - input.mergeWindowH * HOUR_MS),
  });
  return open
    .filter((t) =>
      t.roomId !== null && message.roomId !== null ? t.roomId === message.roomId : t.room === message.room,
    )
    .filter((t) => t.reporter === quoted.name || t.coReporters.includes(quoted.name))
    .filter((t) => {
      const report = folded(t.text);
      return report.includes(quote.slice(0, 12)) || quote.includes(report.slice(0, 12));
    })
    .sort(latestFirst)[0];
}

function sameProblem(t: Ticket, problem: Problem): boolean {
  return t.category === problem.category && samePlace(t.location, problem.location);
}
