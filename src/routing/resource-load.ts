import { chinaMonthOf, startOfChinaMonth } from '../clock/china-time.js';
import type { ResourceData } from '../directory/schema.js';
import { type EngagementOnTicket, readEngagement } from '../tickets/resource-engagements.js';
import type { TicketStatus } from '../tickets/ticket.js';
import type { TicketStore } from '../tickets/ticket-store.js';

/** How much of a resource is in use now: engagements on working tickets, and engagements this month. */
export type ResourceUse = { atOnce: number; thisMonth: number };
export type ResourceLoad = ReadonlyMap<string, ResourceUse>;

/** A ticket still being worked holds its resources; a resolved one (awaiting the resident) has let go. */
const HOLDING: readonly TicketStatus[] = ['open', 'accepted', 'returned'];

/** The use of each engaged resource at `now`, by name; a resource never engaged is absent (no use). */
export function resourceLoad(engagements: readonly EngagementOnTicket[], now: Date): ResourceLoad {
  const month = chinaMonthOf(now);
  const load = new Map<string, ResourceUse>();
  for (const e of engagements) {
    const use = load.get(e.resource) ?? { atOnce: 0, thisMonth: 0 };
    load.set(e.resource, {
      atOnce: use.atOnce + (HOLDING.includes(e.ticketStatus) ? 1 : 0),
      thisMonth: use.thisMonth + (chinaMonthOf(e.at) === month ? 1 : 0),
    });
  }
  return load;
}

/**
 * Reads the engagements that count at `now` from the store (those of this month and those on tickets still
 * holding their resources; no other can count) and sums them per resource.
 */
export async function loadResourceLoad(
  store: Pick<TicketStore, 'engagementEvents'>,
  now: Date,
): Promise<ResourceLoad> {
  const events = await store.engagementEvents({ since: startOfChinaMonth(now), holding: HOLDING });
  const engagements = events.flatMap((e): EngagementOnTicket[] => {
    const record = readEngagement(e);
    return record
      ? [{ ...record, at: e.at, ticketNumber: e.ticketNumber, ticketStatus: e.ticketStatus }]
      : [];
  });
  return resourceLoad(engagements, now);
}

/** What is left of each limit the resource has; a limit the directory does not set is absent. */
export type CapacityLeft = { atOnce?: number; perMonth?: number };

export function capacityLeft(resource: ResourceData, load: ResourceLoad): CapacityLeft {
  const use = load.get(resource.name) ?? { atOnce: 0, thisMonth: 0 };
  const { at_once: atOnce, per_month: perMonth } = resource.capacity;
  return {
    ...(atOnce !== undefined ? { atOnce: Math.max(0, atOnce - use.atOnce) } : {}),
    ...(perMonth !== undefined ? { perMonth: Math.max(0, perMonth - use.thisMonth) } : {}),
  };
}

/** Engagements the resource can still take: the tightest of its limits. */
export function remainingOf(left: CapacityLeft): number {
  return Math.min(left.atOnce ?? Number.POSITIVE_INFINITY, left.perMonth ?? Number.POSITIVE_INFINITY);
}
