import type { AuditAnchor, AuditResult } from '../tickets/ticket-store.js';
import { type AuditSeal, headMacText, messageMacText, outboxMacText, outcomeMacText } from './audit-seal.js';
import { eventHash, stateHash } from './hash-chain.js';
import type { EventRow } from './schema/database.js';
import { pickTicketRow } from './ticket-rows.js';
import type { StoreDb } from './transaction.js';

const PAGE = 1000;

type Broken = Extract<AuditResult, { ok: false }>;
type LastEvent = { seq: number; stateHash: string };

const broken = (ticketNumber: number, seq: number, reason: string): Broken => ({
  ok: false,
  ticketNumber,
  seq,
  reason,
});

/** Checks one event against the chain so far; undefined when it holds. */
function checkEvent(event: EventRow, prevHash: string, lastSeq: number): Broken | undefined {
  const { ticket_number: ticket, seq } = event;
  if (seq > lastSeq + 1) {
    return broken(ticket, lastSeq + 1, 'event missing');
  }
  if (seq !== lastSeq + 1) {
    return broken(ticket, seq, 'event out of order');
  }
  if (event.prev_hash !== prevHash) {
    return broken(ticket, seq, 'chain broken: previous hash mismatch');
  }
  if (eventHash(event.prev_hash, event) !== event.hash) {
    return broken(ticket, seq, 'event hash mismatch');
  }
  return undefined;
}

/**
 * Walks the whole event log in chain order recomputing every hash, then checks the chain head and
 * that each ticket row is the state its last event sealed; returns the first break. Run it in a
 * read transaction so concurrent writes cannot look like tampering.
 */
export async function verifyChain(
  trx: StoreDb,
  options: { seal?: AuditSeal | undefined; anchors?: readonly AuditAnchor[] } = {},
): Promise<AuditResult> {
  const lastByTicket = new Map<number, LastEvent>();
  let prevHash = '';
  let events = 0;
  for (let afterId = 0; ; ) {
    const page = await trx
      .selectFrom('ticket_events')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const event of page) {
      const failure = checkEvent(event, prevHash, lastByTicket.get(event.ticket_number)?.seq ?? 0);
      if (failure) {
        return failure;
      }
      prevHash = event.hash;
      lastByTicket.set(event.ticket_number, { seq: event.seq, stateHash: event.state_hash });
      events += 1;
    }
    if (page.length < PAGE) {
      break;
    }
    afterId = page[page.length - 1]?.id ?? afterId;
  }

  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.hash !== prevHash) {
    return broken(head?.ticket_number ?? 0, head?.seq ?? 0, 'chain broken: last event missing');
  }
  const { seal, anchors = [] } = options;
  if (seal && events > 0 && head.mac !== seal.mac(headMacText(head))) {
    return broken(
      head.ticket_number ?? 0,
      head.seq ?? 0,
      'chain head not signed by the audit key: the log was rewritten',
    );
  }
  const anchored = await checkAnchors(trx, anchors, Number(head.event_id));
  if (anchored) {
    return anchored;
  }
  const rows = await checkTicketRows(trx, lastByTicket, events);
  if (!rows.ok || !seal) {
    return rows;
  }
  return (await checkSignedRecords(trx, seal)) ?? rows;
}

/** Every anchored event is still there with the hash it had: a rollback or a rewrite shows here. */
async function checkAnchors(
  trx: StoreDb,
  anchors: readonly AuditAnchor[],
  headId: number,
): Promise<Broken | undefined> {
  for (const anchor of anchors) {
    if (anchor.eventId === 0) {
      continue;
    }
    const event = await trx
      .selectFrom('ticket_events')
      .selectAll()
      .where('id', '=', anchor.eventId)
      .executeTakeFirst();
    if (!event || anchor.eventId > headId) {
      return broken(
        event?.ticket_number ?? 0,
        event?.seq ?? 0,
        `anchored event ${anchor.eventId} is gone: the log was rolled back`,
      );
    }
    if (event.hash !== anchor.hash) {
      return broken(event.ticket_number, event.seq, `event ${anchor.eventId} differs from its anchor`);
    }
  }
  return undefined;
}

/** Each message (as it arrived, and its outcome) and each queued reply carries a valid signature. */
async function checkSignedRecords(trx: StoreDb, seal: AuditSeal): Promise<Broken | undefined> {
  for (const m of await trx.selectFrom('messages').selectAll().orderBy('received_at').execute()) {
    if (m.mac !== seal.mac(messageMacText(m))) {
      return broken(m.ticket_number ?? 0, 0, `message ${m.key} altered or unsigned`);
    }
    if (m.handled_at !== null && m.outcome_mac !== seal.mac(outcomeMacText(m))) {
      return broken(m.ticket_number ?? 0, 0, `outcome of message ${m.key} altered or unsigned`);
    }
  }
  for (const r of await trx.selectFrom('outbox').selectAll().orderBy('id').execute()) {
    if (r.mac !== seal.mac(outboxMacText(r))) {
      return broken(r.ticket_number ?? 0, 0, `reply ${r.id} altered or unsigned`);
    }
  }
  return undefined;
}

async function checkTicketRows(
  trx: StoreDb,
  lastByTicket: Map<number, LastEvent>,
  events: number,
): Promise<AuditResult> {
  const rows = await trx.selectFrom('tickets').selectAll().orderBy('number').execute();
  const seen = new Set<number>();
  for (const row of rows) {
    seen.add(row.number);
    const last = lastByTicket.get(row.number);
    if (!last) {
      return broken(row.number, 1, 'ticket has no events');
    }
    if (stateHash(pickTicketRow(row)) !== last.stateHash) {
      return broken(row.number, last.seq, 'ticket row differs from its last event');
    }
  }
  for (const [ticketNumber, last] of lastByTicket) {
    if (!seen.has(ticketNumber)) {
      return broken(ticketNumber, last.seq, 'ticket row missing');
    }
  }
  return { ok: true, tickets: rows.length, events };
}
