import type { Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import { buildTicket } from '../../helpers/ticket-builder.js';

/** An instant in China time: `at('12-01 09:00')` is 2026-12-01 09:00 +08:00. */
export function at(monthDayTime: string, year = 2026): Date {
  return new Date(`${year}-${monthDayTime.replace(' ', 'T')}:00+08:00`);
}

const HOUR = 3_600_000;

/** A normal ticket of 第一网格 for the property body, created 12-01 09:00, respond in 24 h, resolve in 7 d. */
export function ticket(number: number, overrides: Partial<Ticket> = {}): Ticket {
  const createdAt = overrides.createdAt ?? at('12-01 09:00');
  return buildTicket(number, {
    location: { compound: '幸福里一区', building: 3, unit: 2, room: null, landmark: null },
    createdAt,
    respondBy: new Date(createdAt.getTime() + 24 * HOUR),
    resolveBy: new Date(createdAt.getTime() + 7 * 24 * HOUR),
    ...overrides,
  });
}

/** A ticket's event log from `[type, at]` pairs (actor 李明), numbered in order. */
export function log(number: number, ...steps: Array<[string, Date]>): TicketEvent[] {
  return steps.map(([type, when], i) => ({
    ticketNumber: number,
    seq: i + 1,
    at: when,
    actor: '李明',
    type,
    detail: '',
    prevHash: '',
    hash: `h${number}-${i}`,
  }));
}

/** A ticket accepted at `accepted` and resolved at `resolved`, with the matching events. */
export function resolvedTicket(
  number: number,
  accepted: Date,
  resolved: Date,
  overrides: Partial<Ticket> = {},
): { ticket: Ticket; events: TicketEvent[] } {
  const t = ticket(number, { status: 'resolved', respondedAt: accepted, resolvedAt: resolved, ...overrides });
  return {
    ticket: t,
    events: log(number, ['created', t.createdAt], ['accept', accepted], ['resolve', resolved]),
  };
}
