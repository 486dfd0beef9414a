import { toChinaIso } from '../../clock/china-time.js';
import type { TicketEvent } from '../../tickets/ticket.js';

/** The two deadlines of a ticket: first response (接单) and resolution (办结). */
export type DeadlineKind = 'respond' | 'resolve';

/*
 * The sweep decides from the ticket's own events, so each step it takes leaves a mark it can find again:
 * the event type plus a detail that starts with a key naming the deadline (kind and instant) or the
 * called body. A moved deadline (a reopen, a transfer) has a new key and gets its own reminder.
 */

/** `respond_by 2026-12-01T09:00:00+08:00`: names one deadline. */
export const deadlineKey = (kind: DeadlineKind, deadline: Date): string =>
  `${kind}_by ${toChinaIso(deadline)}`;

/** `reminder urban_mgmt called 2026-…`: names one stage of one body's report deadline. */
export const whistleKey = (stage: 'reminder' | 'escalation', body: string, calledAt: Date): string =>
  `${stage} ${body} called ${toChinaIso(calledAt)}`;

export const remindedDetail = (kind: DeadlineKind, deadline: Date, to: readonly string[]): string =>
  `${deadlineKey(kind, deadline)} → ${to.join(', ')}`;

export const overdueDetail = (kind: DeadlineKind, deadline: Date): string =>
  `${deadlineKey(kind, deadline)} passed`;

export const escalatedDetail = (level: number, person: string, kind: DeadlineKind, deadline: Date): string =>
  `level ${level} → ${person}: ${deadlineKey(kind, deadline)} passed`;

/** Whether an event of this type with a detail starting with `key` is in the log. */
export function hasMark(events: readonly TicketEvent[], type: string, key: string): boolean {
  return events.some((e) => e.type === type && e.detail.startsWith(key));
}

/** The last event of one of the types, or undefined. */
export function lastOf(events: readonly TicketEvent[], types: readonly string[]): TicketEvent | undefined {
  return events.findLast((e) => types.includes(e.type));
}
