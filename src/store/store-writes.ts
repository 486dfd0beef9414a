import type { OutboxMessage } from '../tickets/outbox.js';
import type { MessageOutcome } from '../tickets/ticket-store.js';
import { toOutboxRecord } from './record-rows.js';
import { toIso } from './row-values.js';
import type { StoreDb } from './transaction.js';

/**
 * Reserves `count` values of a named counter and returns the last; on PostgreSQL the updated row
 * stays locked until commit, so concurrent transactions take consecutive ranges.
 */
export async function reserveCounter(
  trx: StoreDb,
  name: 'ticket' | 'outbox',
  count: number,
): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Queues outbox rows with consecutive ids and returns the ids. */
export async function insertOutbox(
  trx: StoreDb,
  messages: readonly OutboxMessage[],
  meta: { ticketNumber: number | null; createdAt: Date },
): Promise<number[]> {
  if (messages.length === 0) {
    return [];
  }
  const last = await reserveCounter(trx, 'outbox', messages.length);
  const first = last - messages.length + 1;
  const rows = messages.map((m, i) => toOutboxRecord(m, { id: first + i, ...meta }));
  await trx.insertInto('outbox').values(rows).execute();
  return rows.map((r) => r.id);
}

export type MarkResult = 'marked' | 'already_handled' | 'unknown';

/** Sets a message's outcome unless it already has one (the row lock makes this atomic on PostgreSQL). */
export async function markHandled(trx: StoreDb, key: string, outcome: MessageOutcome): Promise<MarkResult> {
  const updated = await trx
    .updateTable('messages')
    .set({
      ticket_number: outcome.ticketNumber,
      intent: outcome.intent,
      handled_at: toIso(outcome.handledAt),
    })
    .where('key', '=', key)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) {
    return 'marked';
  }
  const exists = await trx.selectFrom('messages').select('key').where('key', '=', key).executeTakeFirst();
  return exists ? 'already_handled' : 'unknown';
}
