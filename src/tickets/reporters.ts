import type { Ticket } from './ticket.js';

export type Sender = { id: string; name: string };

/**
 * Whether the sender is the ticket's reporter: by WeChat id when the ticket knows it (anyone can take the
 * reporter's display name), by name only for a ticket made without one.
 */
export function isReporter(t: Ticket, sender: Sender): boolean {
  return t.reporterId !== null ? t.reporterId === sender.id : t.reporter === sender.name;
}

/** Whether the sender is one of the co-reporters: by id where the ticket knows it, by name where it does not. */
export function isCoReporter(t: Ticket, sender: Sender): boolean {
  return t.coReporters.some((name, i) => {
    const id = t.coReporterIds?.[i] ?? '';
    return id !== '' ? id === sender.id : name === sender.name;
  });
}

/** The reporter or a co-reporter. */
export function isReporterOrCo(t: Ticket, sender: Sender): boolean {
  return isReporter(t, sender) || isCoReporter(t, sender);
}

/** The patch that adds a co-reporter, with their id beside their name. */
export function withCoReporter(t: Ticket, sender: Sender): Pick<Ticket, 'coReporters' | 'coReporterIds'> {
  const ids = t.coReporters.map((_, i) => t.coReporterIds?.[i] ?? '');
  return { coReporters: [...t.coReporters, sender.name], coReporterIds: [...ids, sender.id] };
}

/** The names of everyone who reported the ticket: the reporter, then the co-reporters. */
export function reporterNames(t: Ticket): string[] {
  return [t.reporter, ...coReportersOf(t).map((c) => c.name)];
}

/** The co-reporters other than the reporter, each with the id to reach them by (null where unknown). */
export function coReportersOf(t: Ticket): Array<{ name: string; id: string | null }> {
  return t.coReporters
    .map((name, i) => ({ name, id: t.coReporterIds?.[i] || null }))
    .filter((c) => c.name !== t.reporter || (c.id !== null && c.id !== t.reporterId));
}
