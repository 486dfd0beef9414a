import type { OutboxMessage } from '../tickets/outbox.js';
import type { MessageOutcome } from '../tickets/ticket-store.js';
import { type AuditSeal, outboxMacText, outcomeMacText } from './audit-seal.js';
import { toOutboxRecord } from './record-rows.js';
import { toIso } from './row-values.js';
import type { OutboxRecord } from './schema/database.js';
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
  meta: { ticketNumber: number | null; createdAt: Date; dedupeKey?: string },
  seal?: AuditSeal,
): Promise<number[]> {
  if (messages.length === 0) {
    return [];
  }
  const last = await reserveCounter(trx, 'outbox', messages.length);
  const first = last - messages.length + 1;
  const { dedupeKey, ...rest } = meta;
  const rows = messages.map((m, i) => {
    const row: OutboxRecord = {
      ...toOutboxRecord(m, { id: first + i, ...rest }),
      ...(dedupeKey !== undefined ? { dedupe_key: `${dedupeKey}:${i}` } : {}),
    };
    return seal ? { ...row, mac: seal.mac(outboxMacText(row)) } : row;
  });
  await trx.insertInto('outbox').values(rows).execute();
  return rows.map((r) => r.id);
}

export type MarkResult = 'marked' | 'already_handled' | 'unknown';

/** Sets a message's outcome unless it already has one (the row lock makes this atomic on PostgreSQL). */
export async function markHandled(
  trx: StoreDb,
  key: string,
  outcome: MessageOutcome,
  seal?: AuditSeal,
): Promise<MarkResult> {
  const fields = {
    ticket_number: outcome.ticketNumber,
    intent: outcome.intent,
    handled_at: toIso(outcome.handledAt),
  };
  const updated = await trx
    .updateTable('messages')
    .set({ ...fields, ...(seal ? { outcome_mac: seal.mac(outcomeMacText({ key, ...fields })) } : {}) })
    .where('key', '=', key)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) {
    return 'marked';
  }
  const exists = await trx.selectFrom('messages').select('key').where('key', '=', key).executeTakeFirst();
  return exists ? 'already_handled' : 'unknown';
}

/** The seq of a ticket's last event; 0 when it has none. */
export async function lastSeq(trx: StoreDb, ticketNumber: number): Promise<number> {
  const last = await trx
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('ticket_number', '=', ticketNumber)
    .executeTakeFirst();
  return Number(last?.seq ?? 0);
}

/** Ids of the outbox rows queued under a dedupe key (`<key>:0`, `<key>:1`…), in order. */
export async function outboxIdsOfKey(trx: StoreDb, key: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('outbox')
    .select(['id', 'dedupe_key'])
    // `%` or `_` in a key only widen the match; the exact prefix is checked below
    .where('dedupe_key', 'like', `${key}:%`)
    .orderBy('id')
    .execute();
  return rows.filter((r) => r.dedupe_key?.slice(0, key.length + 1) === `${key}:`).map((r) => r.id);
}
