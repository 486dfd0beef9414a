import { TICKET_STATUSES, type TicketStatus } from '../tickets/ticket.js';
import type { RecordCounts } from '../tickets/ticket-store.js';
import { fromIsoOrNull, toIso } from './row-values.js';
import type { StoreDb } from './transaction.js';

/** PostgreSQL returns COUNT as a bigint string, SQLite as a number. */
const count = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/** Counts messages, tickets and replies by state with SQL COUNT, the same on SQLite and PostgreSQL. */
export async function countRecords(db: StoreDb, input: { unreadBefore: Date }): Promise<RecordCounts> {
  const messages = await db
    .selectFrom('messages')
    .select((eb) => [
      eb.fn.countAll().as('stored'),
      eb.fn.count('handled_at').as('read'),
      // the outcome columns are set together, so a ticket number means a read message about a ticket
      eb.fn.count('ticket_number').as('with_ticket'),
    ])
    .executeTakeFirstOrThrow();
  const unread = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('handled_at', 'is', null)
    .where('received_at', '<', toIso(input.unreadBefore))
    .executeTakeFirstOrThrow();
  const statuses = await db
    .selectFrom('tickets')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const unsent = await db
    .selectFrom('outbox')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const undeliverable = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('failed_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const ticketsByStatus = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<
    TicketStatus,
    number
  >;
  for (const row of statuses) {
    if (row.status in ticketsByStatus) {
      ticketsByStatus[row.status as TicketStatus] = count(row.n);
    }
  }
  const read = count(messages.read);
  const withTicket = count(messages.with_ticket);
  return {
    messages: {
      stored: count(messages.stored),
      readWithTicket: withTicket,
      readWithoutTicket: read - withTicket,
      unread: count(unread.n),
    },
    ticketsByStatus,
    outbox: {
      unsent: count(unsent.n),
      oldestUnsentAt: fromIsoOrNull((unsent.oldest as string | null | undefined) ?? null),
      undeliverable: count(undeliverable.n),
    },
  };
}
