import { sql } from 'kysely';
import type { Ticket } from '../tickets/ticket.js';
import type { PlaceKey, PlaceQuery } from '../tickets/ticket-queries.js';
import { selectTicketsAtPlace } from './intake-queries.js';
import type { DialectKind, StoreDb } from './transaction.js';

/** The lock name of a place, read as the place queries read it (a building, else a landmark, else a compound). */
export function placeLockName(place: PlaceKey): string {
  if (place.building !== null) {
    return `place:building:${place.building}`;
  }
  return place.landmark !== null ? `place:landmark:${place.landmark}` : `place:compound:${place.compound}`;
}

/**
 * Inside a write transaction: the first ticket the queries find, after taking the place's lock so that no
 * other writer can open a ticket there between this look and the commit. SQLite's write transactions take
 * the database's write lock when they begin (begin immediate); PostgreSQL takes an advisory lock on the
 * place, held to the end of the transaction, so writers at other places do not wait.
 */
export async function findOpenInTransaction(
  trx: StoreDb,
  dialect: DialectKind,
  queries: readonly PlaceQuery[],
): Promise<Ticket | undefined> {
  const first = queries[0];
  if (!first) {
    return undefined;
  }
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${placeLockName(first.place)}))`.execute(trx);
  }
  for (const query of queries) {
    const [found] = await selectTicketsAtPlace(trx, query);
    if (found) {
      return found;
    }
  }
  return undefined;
}
