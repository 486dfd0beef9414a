import type { Ticket } from './ticket.js';

export type Sender = { id: string; name: string };

/**
 * Whether the sender is the ticket's reporter: by WeChat id when the ticket knows it (anyone can take the
 * reporter's display name), by name only for a ticket made without one.
 */
export function isReporter(t: Ticket, sender: Sender): boolean {
  return t.reporterId !== null ? t.reporterId === sender.id : t.reporter === sender.name;
}

/** The reporter or a co-reporter (co-reporters are known by name). */
export function isReporterOrCo(t: Ticket, sender: Sender): boolean {
  return isReporter(t, sender) || t.coReporters.includes(sender.name);
}
