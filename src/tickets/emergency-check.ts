import type { TicketEvent } from './ticket.js';
import type { TicketStore } from './ticket-store.js';

/**
 * An emergency check: a message the model reads as possibly an emergency without being sure. The ticket opens
 * as urgent, and the grid worker and the duty supervisor are asked to check within this many minutes; when
 * nobody has taken it (接单) by then, the other supervisors are alerted, so that a possible emergency never
 * waits for the urgent ticket's response deadline.
 */
export const EMERGENCY_CHECK_MINUTES = 15;

export const EMERGENCY_CHECK = 'emergency_check';
export const CHECK_UNANSWERED = 'check_unanswered';

/** What an `emergency_check` event carries (its detail is this, as JSON): who was asked to check. */
export type EmergencyCheckRecord = { asked: string[] };

export const emergencyCheckDetail = (record: EmergencyCheckRecord): string =>
  JSON.stringify({ asked: record.asked });

/** A `check_unanswered` event's detail: who was alerted when nobody had checked. */
export const checkUnansweredDetail = (to: readonly string[]): string => JSON.stringify({ to });

/** The ticket's emergency check, if it was opened as one: when it was asked for, and of whom. */
export function emergencyCheckOf(
  events: readonly Pick<TicketEvent, 'type' | 'detail' | 'at'>[],
): (EmergencyCheckRecord & { at: Date }) | undefined {
  const event = events.find((e) => e.type === EMERGENCY_CHECK);
  if (!event) {
    return undefined;
  }
  try {
    const data = JSON.parse(event.detail) as Partial<EmergencyCheckRecord>;
    const asked = Array.isArray(data.asked)
      ? data.asked.filter((n): n is string => typeof n === 'string')
      : [];
    return { asked, at: event.at };
  } catch {
    return { asked: [], at: event.at };
  }
}

/** Whether the ticket was opened as an emergency check (read from its events). */
export async function openedAsCheck(
  tickets: Pick<TicketStore, 'events'>,
  ticketNumber: number,
): Promise<boolean> {
  return emergencyCheckOf(await tickets.events(ticketNumber)) !== undefined;
}
