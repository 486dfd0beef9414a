import type { Category, Intent } from '../labels/labels.js';
import { coReportersOf } from '../tickets/reporters.js';
import type { Ticket, TicketLocation, TicketStatus } from '../tickets/ticket.js';
import type { PlaceQuery } from '../tickets/ticket-queries.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { OUTCOMES } from './request-window.js';
import { placeKey } from './same-place.js';

/** Statuses in which a ticket is still being worked, so a second report joins it. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['open', 'accepted', 'returned'];

/** Tickets about a problem to fix, which a report of the same problem joins (a question ticket is answered). */
const PROBLEM_INTENTS: readonly Intent[] = ['grievance', 'emergency'];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A problem at a place: its category and, when the classifier gives them, the other categories it
 * found plausible (a rewording of the same manhole may land in public security instead of road facilities).
 */
type Problem = {
  category: Category;
  location: TicketLocation;
  alsoPlausible?: readonly Category[];
  /** The report tells a fault at one place (isLocalFault), not a supply off or bad that a compound shares. */
  localFault?: boolean;
};

/** A category this likely, next to the chosen one, still describes the same problem for joining an open ticket. */
export const PLAUSIBLE_CATEGORY = 0.2;

/** Categories that name no problem: a report never joins a question ticket (consultation) through them, nor a question. */
export const NO_PROBLEM: ReadonlySet<string> = new Set(['consultation', 'other', 'none']);

/**
 * The categories other than the chosen one that the classifier gave at least PLAUSIBLE_CATEGORY, among those
 * that name a problem.
 */
export function alsoPlausible(c: {
  category: Category;
  category_probabilities?: Record<string, number>;
}): Category[] {
  return Object.entries(c.category_probabilities ?? {})
    .filter(
      ([category, p]) => category !== c.category && !NO_PROBLEM.has(category) && p >= PLAUSIBLE_CATEGORY,
    )
    .map(([category]) => category as Category);
}

/**
 * Supplies that fail for a whole compound at once: a power cut, a water or gas stop told from building 16 and
 * from building 17 is one problem for one crew, not a ticket per building.
 */
export const SUPPLY_CATEGORIES: ReadonlySet<Category> = new Set(['power', 'water_supply', 'gas', 'heating']);
/** How long an open supply problem in a compound takes in the same supply's reports from its other buildings. */
export const SUPPLY_WINDOW_H = 12;

/**
 * A fault at one place rather than a supply off or bad: something leaking, burst, broken or sparking there
 * (水管漏水、管子爆了、电线掉下来了、我家跳闸了). Such a report is its own problem at its own place; any other
 * report of a supply (停电了、没得电、冇水、水压很小、水是黄的、暖气不热) may be the whole compound's.
 */
// (not 烧 or 掉 alone: 「没气了 没法烧饭」 is the gas stop, 「掉电了」 is a power cut in many places)
const LOCAL_FAULT =
  /漏|渗|滴水|爆|破|裂|喷|冒(?:水|烟|火|出)|掉下|断了|电线|电缆|跳闸|短路|火花|着火|烧(?:起来|着|焦|坏)/;

/** Whether a report of a supply tells a fault at one place (LOCAL_FAULT) rather than the supply off or bad. */
export function isLocalFault(text: string): boolean {
  return LOCAL_FAULT.test(text);
}

/**
 * The looks for an open ticket about the same problem at the same place, created within the merge window, in
 * order: the same category first; a category the classifier also found plausible only when no ticket of the
 * same category is open there; for a supply (SUPPLY_CATEGORIES) told as off or bad rather than as a fault at
 * one place (isLocalFault), the same supply open anywhere in the compound within SUPPLY_WINDOW_H. Empty when the
 * problem has no place.
 */
export function openDuplicateQueries(
  problem: Problem,
  input: { now: Date; mergeWindowH: number },
): PlaceQuery[] {
  const place = placeKey(problem.location);
  if (!place) {
    return [];
  }
  const since = (hours: number) => new Date(input.now.getTime() - hours * HOUR_MS);
  // a question ticket is answered, not fixed: a report of its subject does not join it
  const query = {
    place,
    statuses: OPEN_STATUSES,
    intents: PROBLEM_INTENTS,
    createdFrom: since(input.mergeWindowH),
    limit: 1,
  };
  const neighbours = (problem.alsoPlausible ?? []).filter((c) => c !== problem.category);
  const { compound } = problem.location;
  const supply = problem.localFault !== true && SUPPLY_CATEGORIES.has(problem.category) && compound !== null;
  return [
    { ...query, categories: [problem.category] },
    ...(neighbours.length > 0 ? [{ ...query, categories: neighbours }] : []),
    ...(supply
      ? [
          {
            ...query,
            place: { area: compound },
            categories: [problem.category],
            // an emergency of the same supply (a fallen wire sparking) is a danger at its place, not the cut
            intents: ['grievance' as const],
            createdFrom: since(Math.min(SUPPLY_WINDOW_H, input.mergeWindowH)),
          },
        ]
      : []),
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

/** Text folded for comparing a quote with a report: no spaces or punctuation. */
const folded = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');

/** How many of a group's open tickets of the merge window a line in the group is matched against, newest first. */
const ROOM_CANDIDATES = 200;

const mergeWindowStart = (input: { now: Date; mergeWindowH: number }) =>
  new Date(input.now.getTime() - input.mergeWindowH * HOUR_MS);

/**
 * The group's open tickets made within the merge window, newest first: what a reply, a quote, a question or a
 * staff update in the group may be about.
 */
export function openInRoom(
  tickets: Pick<TicketStore, 'recentTickets'>,
  message: { room: string | null; roomId: string | null },
  input: { now: Date; mergeWindowH: number },
): Promise<Ticket[]> {
  return tickets.recentTickets({
    statuses: OPEN_STATUSES,
    createdFrom: mergeWindowStart(input),
    sameRoomAs: { roomId: message.roomId, room: message.room },
    limit: ROOM_CANDIDATES,
  });
}

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
  const open = await openInRoom(tickets, message, input);
  return open
    .filter((t) => t.reporter === quoted.name || t.coReporters.includes(quoted.name))
    .find((t) => {
      const report = folded(t.text);
      return report.includes(quote.slice(0, 12)) || quote.includes(report.slice(0, 12));
    });
}

/**
 * The open ticket a group line addresses with a leading @ (「@王阿姨 收到，师傅十点前上门」): the one the
 * addressed resident's last words in this group were about. Their latest messages are read back from the
 * newest: one that made, joined or followed up a ticket names it; a question or anything else said since
 * means the @ answers that, and no ticket is addressed. Display names may hold spaces, so the names of the
 * open tickets' reporters are matched against the text rather than parsed out of it (the longest wins).
 */
export async function findAddressedTicket(
  tickets: Pick<TicketStore, 'recentTickets' | 'recentMessages'>,
  message: { room: string | null; roomId: string | null; text: string },
  input: { now: Date; mergeWindowH: number },
): Promise<Ticket | undefined> {
  const addressed = message.text.trimStart();
  if (!/^[@＠]/.test(addressed)) {
    return undefined;
  }
  const since = mergeWindowStart(input);
  const open = await openInRoom(tickets, message, input);
  const person = addressedPerson(open, addressed.slice(1));
  if (!person) {
    return undefined;
  }
  const said = await tickets.recentMessages({ senderId: person.id, roomId: message.roomId, since, limit: 5 });
  for (const m of [...said].reverse()) {
    const number = m.outcome?.ticketNumber ?? null;
    if (number !== null) {
      return open.find((t) => t.number === number);
    }
    if (!isSmallTalk(m.outcome?.intent ?? null)) {
      return undefined;
    }
  }
  return undefined;
}

/** Outcomes that leave a resident's last words about their ticket standing (thanks, chatter, a loose photo). */
const SMALL_TALK: ReadonlySet<string> = new Set(['chatter', OUTCOMES.thanks, OUTCOMES.loosePhoto]);
const isSmallTalk = (intent: string | null) => intent !== null && SMALL_TALK.has(intent);

/** The reporter or co-reporter of an open ticket whose name the text (after its @) begins with: the longest. */
function addressedPerson(open: readonly Ticket[], text: string): { name: string; id: string } | undefined {
  let best: { name: string; id: string } | undefined;
  for (const t of open) {
    const people = [{ name: t.reporter, id: t.reporterId }, ...coReportersOf(t)];
    for (const p of people) {
      if (p.id !== null && isAddressed(text, p.name) && (!best || p.name.length > best.name.length)) {
        best = { name: p.name, id: p.id };
      }
    }
  }
  return best;
}

/** Whether `text` (after its @) begins with `name` followed by a space, punctuation or its end. */
function isAddressed(text: string, name: string): boolean {
  if (name.length === 0 || !text.startsWith(name)) {
    return false;
  }
  const next = text.slice(name.length, name.length + 1);
  return next === '' || /[\s\u2005,，:：。!！?？]/.test(next);
}
