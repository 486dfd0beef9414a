import type { NewTicket, Ticket, TicketPatch } from '../tickets/ticket.js';

/** A new ticket as first stored: open, numbered, with every later field still empty. */
export function startTicket(fields: NewTicket, number: number): Ticket {
  return {
    ...fields,
    location: { ...fields.location },
    assignees: [...fields.assignees],
    number,
    status: 'open',
    coReporters: [],
    respondedAt: null,
    resolvedAt: null,
    closedAt: null,
    confirmation: null,
    rating: null,
    reopenCount: 0,
    recurrenceOf: null,
    mergedInto: null,
    overdue: false,
    escalationLevel: 0,
    returnCount: 0,
    transferCount: 0,
    jointBodies: [],
    evidence: [],
  };
}

/** The ticket after a patch; keys set to undefined leave their field as it was. */
export function applyPatch(ticket: Ticket, patch: TicketPatch): Ticket {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...ticket, ...defined, number: ticket.number, createdAt: ticket.createdAt };
}
