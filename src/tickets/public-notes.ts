import type { TicketEvent } from './ticket.js';

/** Steps whose words a resident may read: staff's notes to them, and what staff said in the group anyway. */
export const PUBLIC_DETAIL: ReadonlySet<string> = new Set([
  'progress',
  'resolve',
  'staff_replied',
  'staff_update',
]);

/**
 * The latest step of a ticket whose words a resident may read (PUBLIC_DETAIL, written by staff), if any; the
 * caller masks personal data before showing it.
 */
export function latestPublicNote(
  events: readonly TicketEvent[],
  isStaff: (name: string) => boolean,
): TicketEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && PUBLIC_DETAIL.has(e.type) && e.detail.trim() !== '' && isStaff(e.actor)) {
      return e;
    }
  }
  return undefined;
}
