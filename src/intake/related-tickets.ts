import type { Category } from '../labels/labels.js';
import type { Ticket, TicketLocation, TicketStatus } from '../tickets/ticket.js';
import type { PlaceQuery } from '../tickets/ticket-queries.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { placeKey } from './same-place.js';

/** Statuses in which a ticket is still being worked, so a second report joins it. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['open', 'accepted', 'returned'];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

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

/**
 * The looks for an open ticket about the same problem at the same place, created within the merge window, in
 * order: the same category first; a category the classifier also found plausible only when no ticket of the
 * same category is open there. Empty when the problem has no place.
 */
export function openDuplicateQueries(
  problem: Problem,
  input: { now: Date; mergeWindowH: number },
): PlaceQuery[] {
  const place = placeKey(problem.location);
  if (!place) {
    return [];
  }
  const query = {
    place,
    statuses: OPEN_STATUSES,
    createdFrom: new Date(input.now.getTime() - input.mergeWindowH * HOUR_MS),
    limit: 1,
  };
  const neighbours = (problem.alsoPlausible ?? []).filter((c) => c !== problem.category);
  return [
    { ...query, categories: [problem.category] },
    ...(neighbours.length > 0 ? [{ ...query, categories: neighbours }] : []),
  ];
}

/** The open ticket about the same problem at the same place (openDuplicateQueries), if any. */
export async function findOpenDuplicate(
  tickets: Pick<TicketStore, 'ticketsAtPlace'>,
  queries: readonly PlaceQuery[],
): Promise<Ticket | undefined> {
  for (const query of queries) {
    const [found] = await tickets.ticketsAtPlace(query);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** The closed ticket about the same problem at the same place whose closure is within the recurrence window. */
export async function findRecurrence(
  tickets: Pick<TicketStore, 'ticketsAtPlace'>,
  problem: Problem,
  input: { now: Date; recurrenceDays: number },
): Promise<Ticket | undefined> {
  const place = placeKey(problem.location);
  if (!place) {
    return undefined;
  }
  const [latest] = await tickets.ticketsAtPlace({
    place,
    categories: [problem.category],
    statuses: ['closed'],
    closedFrom: new Date(input.now.getTime() - input.recurrenceDays * DAY_MS),
    limit: 1,
  });
  return latest;
}

/**
 * The person's latest ticket in the given statuses: in a group, one reported in that group or privately;
 * in a private chat, any.
 */
export async function latestTicketOf(
  tickets: Pick<TicketStore, 'ticketsOfPerson'>,
  person: { id: string; name: string; roomId: string | null },
  statuses: readonly TicketStatus[],
): Promise<Ticket | undefined> {
  const [latest] = await tickets.ticketsOfPerson({
    person: { id: person.id, name: person.name },
    statuses,
    ...(person.roomId !== null ? { reportedInOrPrivately: person.roomId } : {}),
    limit: 1,
  });
  return latest;
}

/** Text folded for comparing a quote with a report: no spaces or punctuation. */
const folded = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');

/** How many of a group's open reports of the merge window a quote is compared with, newest first. */
const QUOTE_CANDIDATES = 200;

/**
 * The open ticket a quoted reply quotes: reported (or joined) in this group by the quoted name within the
 * merge window, whose text contains the quote's opening (or the quote contains the report's opening).
 */
export async function findQuotedTicket(
  tickets: Pick<TicketStore, 'recentTickets'>,
  message: { room: string | null; roomId: string | null },
  quoted: { name: string; text: string },
  input: { now: Date; mergeWindowH: number },
): Promise<Ticket | undefined> {
  const quote = folded(quoted.text);
  if (quote.length < 4) {
    return undefined;
  }
  const open = await tickets.recentTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(input.now.getTime() - input.mergeWindowH * HOUR_MS),
    sameRoomAs: { roomId: message.roomId, room: message.room },
    limit: QUOTE_CANDIDATES,
  });
  return open
    .filter((t) => t.reporter === quoted.name || t.coReporters.includes(quoted.name))
    .find((t) => {
      const report = folded(t.text);
      return report.includes(quote.slice(0, 12)) || quote.includes(report.slice(0, 12));
    });
}

/**
 * The open ticket a group line addresses with a leading @ (「@王阿姨 收到，师傅十点前上门」): the latest one
 * reported (or joined) in this group by the addressed name within the merge window. Display names may hold
 * spaces, so the names of the candidates are matched against the text rather than parsed out of it.
 */
export async function findAddressedTicket(
  tickets: Pick<TicketStore, 'recentTickets'>,
  message: { room: string | null; roomId: string | null; text: string },
  input: { now: Date; mergeWindowH: number },
): Promise<Ticket | undefined> {
  const addressed = message.text.trimStart();
  if (!/^[@＠]/.test(addressed)) {
    return undefined;
  }
  const open = await tickets.recentTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(input.now.getTime() - input.mergeWindowH * HOUR_MS),
    sameRoomAs: { roomId: message.roomId, room: message.room },
    limit: QUOTE_CANDIDATES,
  });
  // the longest name addressed wins (「锦苑 老郑头」 over 「锦苑」), then the latest ticket
  const match = (t: Ticket) =>
    Math.max(
      0,
      ...[t.reporter, ...t.coReporters]
        .filter((n) => isAddressed(addressed.slice(1), n))
        .map((n) => n.length),
    );
  return open
    .map((t) => ({ t, length: match(t) }))
    .filter((m) => m.length > 0)
    .sort((a, b) => b.length - a.length || b.t.createdAt.getTime() - a.t.createdAt.getTime())[0]?.t;
}

/** Whether `text` (after its @) begins with `name` followed by a space, punctuation or its end. */
function isAddressed(text: string, name: string): boolean {
  if (name.length === 0 || !text.startsWith(name)) {
    return false;
  }
  const next = text.slice(name.length, name.length + 1);
  return next === '' || /[\s\u2005,，:：。!！?？]/.test(next);
}
