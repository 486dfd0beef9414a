import { sql } from 'kysely';
import type { Ticket } from '../tickets/ticket.js';
import type { PlaceKey, PlaceQuery } from '../tickets/ticket-queries.js';
import { selectTicketsAtPlace } from './intake-queries.js';
import type { DialectKind, StoreDb } from './transaction.js';

/**
 * The lock name of a place, read as the place queries read it (a building, else a landmark, else a compound;
 * a whole compound's area apart from a compound named without a building).
 */
export function placeLockName(place: PlaceKey): string {
  if ('area' in place) {
    return `place:area:${place.area}`;
  }
  if (place.building !== null) {
    return `place:building:${place.building}`;
  }
  return place.landmark !== null ? `place:landmark:${place.landmark}` : `place:compound:${place.compound}`;
}

/**
 * Inside a write transaction: the first ticket the queries find, after taking the places' locks so that no
 * other writer can open a ticket there between this look and the commit. SQLite's write transactions take
 * the database's write lock when they begin (begin immediate); PostgreSQL takes an advisory lock on each
 * place looked at, held to the end of the transaction, so writers at other places do not wait.
 */
export async function findOpenInTransaction(
  trx: StoreDb,
  dialect: DialectKind,
  queries: readonly PlaceQuery[],
): Promise<Ticket | undefined> {
  if (queries.length === 0) {
    return undefined;
  }
  if (dialect === 'postgres') {
    // every place looked at, in one order for every writer, so two writers never wait on each other in a circle
    for (const name of [...new Set(queries.map((q) => placeLockName(q.place)))].sort()) {
      await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
    }
  }
  for (const query of queries) {
    const [found] = await selectTicketsAtPlace(trx, query);
    if (found) {
      return found;
    }
  }
  return undefined;
}
