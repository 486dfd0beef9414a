import type { Ticket } from '../tickets/ticket.js';
import type { TicketFilter } from '../tickets/ticket-store.js';
import { toIso } from './row-values.js';
import { fromTicketRow } from './ticket-rows.js';
import type { StoreDb } from './transaction.js';

/** Tickets matching every given filter, by number; `createdTo` is exclusive, `createdFrom` inclusive. */
export async function selectTickets(db: StoreDb, filter: TicketFilter): Promise<Ticket[]> {
  const { statuses, grid, body, reporter, building, createdFrom, createdTo, assignee } = filter;
  if (statuses?.length === 0) {
    return [];
  }
  let query = db.selectFrom('tickets').selectAll().orderBy('number');
  if (statuses) {
    query = query.where('status', 'in', [...statuses]);
  }
  if (grid !== undefined) {
    query = query.where('grid', '=', grid);
  }
  if (body !== undefined) {
    query = query.where('body', '=', body);
  }
  if (reporter !== undefined) {
    query = query.where('reporter', '=', reporter);
  }
  if (building !== undefined) {
    query = query.where('location_building', '=', building);
  }
  if (createdFrom !== undefined) {
    query = query.where('created_at', '>=', toIso(createdFrom));
  }
  if (createdTo !== undefined) {
    query = query.where('created_at', '<', toIso(createdTo));
  }
  const tickets = (await query.execute()).map(fromTicketRow);
  // Assignees are a JSON list; matching them in code stays exact and portable across dialects.
  return assignee === undefined ? tickets : tickets.filter((t) => t.assignees.includes(assignee));
}
