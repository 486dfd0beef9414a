import type { EventType } from './event-types.js';
import type { Ticket, TicketEvent } from './ticket.js';

/** The event type of `对接 N 资源名`: a resource of the directory was engaged on the ticket. */
export const RESOURCE_ENGAGED = 'resource_engaged' satisfies EventType;

/** What a `resource_engaged` event carries (its detail is this, as JSON). */
export type EngagementRecord = { resource: string; contact: string; by: string };

/** One engagement as read back from the log: the record, when, and the ticket it was on. */
export type Engagement = EngagementRecord & { at: Date; ticketNumber: number };

export const engagementDetail = (record: EngagementRecord): string =>
  JSON.stringify({ resource: record.resource, contact: record.contact, by: record.by });

/** The record of a `resource_engaged` event; null for any other event or a detail this version cannot read. */
export function readEngagement(event: Pick<TicketEvent, 'type' | 'detail'>): EngagementRecord | null {
  if (event.type !== RESOURCE_ENGAGED) {
    return null;
  }
  try {
    const data = JSON.parse(event.detail) as Partial<EngagementRecord>;
    return typeof data.resource === 'string' &&
      typeof data.contact === 'string' &&
      typeof data.by === 'string'
      ? { resource: data.resource, contact: data.contact, by: data.by }
      : null;
  } catch {
    return null;
  }
}

/** The engagements of one ticket, oldest first. */
export function engagementsOf(events: readonly TicketEvent[]): Engagement[] {
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((e) => {
      const record = readEngagement(e);
      return record ? [{ ...record, at: e.at, ticketNumber: e.ticketNumber }] : [];
    });
}

/** An engagement with the status of its ticket now, which decides whether it still takes capacity. */
export type EngagementOnTicket = Engagement & { ticketStatus: Ticket['status'] };
