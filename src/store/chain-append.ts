import type { NewEvent } from '../tickets/ticket.js';
import { type AuditSeal, headMacText } from './audit-seal.js';
import { eventHash, stateHash } from './hash-chain.js';
import { toIso } from './row-values.js';
import type { EventRow, TicketRow } from './schema/database.js';
import type { StoreDb } from './transaction.js';

/** The right to append the next event of the global chain, held until the transaction ends. */
export type ChainSlot = { eventId: number; prevHash: string };

/**
 * Claims the next event id by bumping the chain head row; on PostgreSQL the row lock this takes
 * serialises every append (and every read-modify-write that claims first) until commit.
 */
export async function claimChainSlot(trx: StoreDb): Promise<ChainSlot> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ event_id: eb('event_id', '+', 1) }))
    .where('id', '=', 1)
    .returning(['event_id', 'hash'])
    .executeTakeFirstOrThrow();
  return { eventId: Number(head.event_id), prevHash: head.hash };
}

/** Appends one event sealing `ticketRow` (the row after the change) and moves the chain head to it. */
export async function appendEvent(
  trx: StoreDb,
  slot: ChainSlot,
  ticketRow: TicketRow,
  event: NewEvent,
  seal?: AuditSeal,
): Promise<EventRow> {
  const last = await trx
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('ticket_number', '=', ticketRow.number)
    .executeTakeFirst();
  const fields = {
    ticket_number: ticketRow.number,
    seq: Number(last?.seq ?? 0) + 1,
    at: toIso(event.at),
    actor: event.actor,
    type: event.type,
    detail: event.detail,
    state_hash: stateHash(ticketRow),
  };
  const row: EventRow = {
    id: slot.eventId,
    ...fields,
    prev_hash: slot.prevHash,
    hash: eventHash(slot.prevHash, fields),
  };
  await trx.insertInto('ticket_events').values(row).execute();
  await trx
    .updateTable('audit_head')
    .set({
      hash: row.hash,
      ticket_number: row.ticket_number,
      seq: row.seq,
      ...(seal ? { mac: seal.mac(headMacText({ event_id: row.id, hash: row.hash })) } : {}),
    })
    .where('id', '=', 1)
    .execute();
  return row;
}
