import { AppError } from '../errors.js';
import type { OutboxMessage, OutboxRow, SendClass } from '../tickets/outbox.js';
import type { NewTicket, Ticket, TicketEvent, TicketStatus } from '../tickets/ticket.js';
import type {
  AssigneeQuery,
  EngagementEvent,
  PersonQuery,
  PlaceQuery,
  RecentTicketsQuery,
} from '../tickets/ticket-queries.js';
import type {
  AuditAnchor,
  AuditResult,
  Change,
  ChangeResult,
  MessageOutcome,
  RecordCounts,
  SeenMessage,
  TicketFilter,
  TicketStore,
} from '../tickets/ticket-store.js';
import { type AuditSeal, headMacText, messageMacText, outboxMacText, outcomeMacText } from './audit-seal.js';
import { verifyChain } from './audit-verifier.js';
import { appendEvent, claimChainSlot } from './chain-append.js';
import {
  selectEngagementEvents,
  selectRecentMessages,
  selectRecentTickets,
  selectTicketsAtPlace,
} from './intake-queries.js';
import { findOpenInTransaction } from './open-duplicate-guard.js';
import { selectTicketsAssignedTo, selectTicketsOfPerson } from './people-queries.js';
import { countRecords } from './record-counts.js';
import {
  fromEventRow,
  fromMessageRow,
  fromOutboxRecord,
  outcomeOf,
  toMessageRow,
  toSendClass,
} from './record-rows.js';
import { toIso } from './row-values.js';
import type { MessageRow } from './schema/database.js';
import { insertOutbox, lastSeq, markHandled, outboxIdsOfKey, reserveCounter } from './store-writes.js';
import { selectTickets } from './ticket-query.js';
import { fromTicketRow, toTicketRow } from './ticket-rows.js';
import { applyPatch, startTicket } from './ticket-state.js';
import { type DialectKind, inTransaction, rollbackWith, type StoreDb } from './transaction.js';

type Created = { ticket: Ticket; created: boolean; outboxIds: number[]; duplicate?: true };
type CreateTicketInput = Parameters<TicketStore['createTicket']>[1];
const ALREADY_HANDLED = Symbol('already handled');

/**
 * The TicketStore over Kysely, the same code for SQLite and PostgreSQL. A message key that was
 * never recorded is not an error: the ticket or replies are written, just without idempotency.
 */
/** More sends than any account's minute holds: the budget never needs more of them. */
const SEND_TIMES_LIMIT = 1000;

export class KyselyTicketStore implements TicketStore {
  constructor(
    /** The underlying database; exposed for tooling and tests, not for domain code. */
    readonly db: StoreDb,
    readonly dialect: DialectKind,
    /** Signs the chain head, messages and replies with the audit key; unsigned without one (tooling). */
    private readonly seal?: AuditSeal,
  ) {}

  async recordMessage(message: SeenMessage): Promise<boolean> {
    const result = await this.db
      .insertInto('messages')
      .values(this.signedMessage(toMessageRow(message)))
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async getMessage(key: string): Promise<(SeenMessage & { outcome: MessageOutcome | null }) | undefined> {
    const row = await this.db.selectFrom('messages').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? { ...fromMessageRow(row), outcome: outcomeOf(row) } : undefined;
  }

  recentMessages(input: {
    senderId: string;
    roomId: string | null;
    since: Date;
    limit?: number;
  }): Promise<Array<SeenMessage & { outcome: MessageOutcome | null }>> {
    return selectRecentMessages(this.db, input);
  }

  async unreadMessages(input: { receivedBefore: Date; limit: number }): Promise<string[]> {
    const rows = await this.db
      .selectFrom('messages')
      .select('key')
      .where('handled_at', 'is', null)
      .where('received_at', '<', toIso(input.receivedBefore))
      .orderBy('received_at')
      .orderBy('key')
      .limit(input.limit)
      .execute();
    return rows.map((r) => r.key);
  }

  settleMessage(
    key: string,
    outcome: MessageOutcome,
    outbox: readonly OutboxMessage[],
  ): Promise<{ settled: boolean; outboxIds: number[] }> {
    return this.write(async (trx) => {
      if ((await markHandled(trx, key, outcome, this.seal)) === 'already_handled') {
        return { settled: false, outboxIds: [] };
      }
      const meta = { ticketNumber: outcome.ticketNumber, createdAt: outcome.handledAt };
      return { settled: true, outboxIds: await insertOutbox(trx, outbox, meta, this.seal) };
    });
  }

  async createTicket(fields: NewTicket, input: CreateTicketInput): Promise<Created> {
    const { messageKey, event, outbox, unlessOpen = [], followedBy = [] } = input;
    // no look before the transaction: marking the message handled inside it is the check (one read less)
    const result = await this.write(async (trx): Promise<Created | typeof ALREADY_HANDLED> => {
      const number = await reserveCounter(trx, 'ticket', 1);
      if (messageKey !== null) {
        const outcome = { ticketNumber: number, intent: fields.intent, handledAt: event.at };
        if ((await markHandled(trx, messageKey, outcome, this.seal)) === 'already_handled') {
          rollbackWith(ALREADY_HANDLED);
        }
      }
      // after the redelivery check, so that a message's own ticket is never its duplicate
      const open = await findOpenInTransaction(trx, this.dialect, unlessOpen);
      if (open) {
        rollbackWith({ ticket: open, created: false, outboxIds: [], duplicate: true } satisfies Created);
      }
      const ticket = startTicket(fields, number);
      const row = toTicketRow(ticket);
      await trx.insertInto('tickets').values(row).execute();
      for (const e of [event, ...followedBy]) {
        await appendEvent(trx, await claimChainSlot(trx), row, e, this.seal);
      }
      const messages = typeof outbox === 'function' ? outbox(ticket) : outbox;
      const outboxIds = await insertOutbox(
        trx,
        messages,
        { ticketNumber: number, createdAt: event.at },
        this.seal,
      );
      return { ticket, created: true, outboxIds };
    });
    if (result !== ALREADY_HANDLED) {
      return result;
    }
    // The message was handled already (a redelivery, or another job just now): return what it made.
    const made = messageKey === null ? undefined : await this.ticketMadeBy(messageKey);
    if (!made) {
      throw new AppError('TICKET_NOT_FOUND', {
        message: `message ${messageKey} was handled without a ticket`,
      });
    }
    return made;
  }

  change(ticketNumber: number, change: Change): Promise<ChangeResult> {
    return this.write(async (trx): Promise<ChangeResult> => {
      // Claiming the chain slot first serialises changes, so the ticket read below is the latest.
      const slot = await claimChainSlot(trx);
      const row = await trx
        .selectFrom('tickets')
        .selectAll()
        .where('number', '=', ticketNumber)
        .executeTakeFirst();
      if (!row) {
        return rollbackWith({ ok: false, reason: 'not_found' });
      }
      const current = fromTicketRow(row);
      if (change.expectStatus && !change.expectStatus.includes(current.status)) {
        return rollbackWith({ ok: false, reason: 'conflict', ticket: current });
      }
      if (change.expectSeq !== undefined && (await lastSeq(trx, ticketNumber)) !== change.expectSeq) {
        return rollbackWith({ ok: false, reason: 'conflict', ticket: current });
      }
      if (change.settles) {
        const { messageKey, intent } = change.settles;
        const outcome = { ticketNumber, intent, handledAt: change.event.at };
        if ((await markHandled(trx, messageKey, outcome, this.seal)) === 'already_handled') {
          return rollbackWith({ ok: false, reason: 'conflict', ticket: current });
        }
      }
      let ticket = current;
      const steps = [{ event: change.event, patch: change.patch }, ...(change.followedBy ?? [])];
      for (const [i, step] of steps.entries()) {
        ticket = applyPatch(ticket, step.patch);
        const { number: _number, ...columns } = toTicketRow(ticket);
        await trx.updateTable('tickets').set(columns).where('number', '=', ticketNumber).execute();
        const stepSlot = i === 0 ? slot : await claimChainSlot(trx);
        await appendEvent(trx, stepSlot, { number: ticketNumber, ...columns }, step.event, this.seal);
      }
      const meta = { ticketNumber, createdAt: change.event.at };
      const outboxIds = await insertOutbox(trx, change.outbox ?? [], meta, this.seal);
      return { ok: true, ticket, outboxIds };
    });
  }

  async getTicket(ticketNumber: number): Promise<Ticket | undefined> {
    const row = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('number', '=', ticketNumber)
      .executeTakeFirst();
    return row ? fromTicketRow(row) : undefined;
  }

  listTickets(filter: TicketFilter = {}): Promise<Ticket[]> {
    return selectTickets(this.db, filter);
  }

  ticketsAtPlace(query: PlaceQuery): Promise<Ticket[]> {
    return selectTicketsAtPlace(this.db, query);
  }

  recentTickets(query: RecentTicketsQuery): Promise<Ticket[]> {
    return selectRecentTickets(this.db, query);
  }

  ticketsOfPerson(query: PersonQuery): Promise<Ticket[]> {
    return selectTicketsOfPerson(this.db, this.dialect, query);
  }

  ticketsAssignedTo(query: AssigneeQuery): Promise<Ticket[]> {
    return selectTicketsAssignedTo(this.db, this.dialect, query);
  }

  engagementEvents(input: { since: Date; holding: readonly TicketStatus[] }): Promise<EngagementEvent[]> {
    return selectEngagementEvents(this.db, input);
  }

  async events(ticketNumber: number): Promise<TicketEvent[]> {
    const rows = await this.db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_number', '=', ticketNumber)
      .orderBy('seq')
      .execute();
    return rows.map(fromEventRow);
  }

  async getOutbox(id: number): Promise<OutboxRow | undefined> {
    const row = await this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromOutboxRecord(row) : undefined;
  }

  async pendingOutbox(limit = 100, afterId = 0): Promise<OutboxRow[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(fromOutboxRecord);
  }

  async markSent(id: number, at: Date, by?: string): Promise<void> {
    // The first send time stands: a redelivered send job does not move it.
    await this.db
      .updateTable('outbox')
      .set({ sent_at: toIso(at), sent_by: by ?? null })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .execute();
  }

  async sendTimesSince(since: Date, by?: string): Promise<Date[]> {
    // outbox_sent_at (0001) serves it; the minute's few rows are then filtered by sender
    const rows = await this.db
      .selectFrom('outbox')
      .select('sent_at')
      .distinct()
      .where('sent_at', '>=', toIso(since))
      .$if(by !== undefined, (q) =>
        q.where((eb) => eb.or([eb('sent_by', '=', by ?? ''), eb('sent_by', 'is', null)])),
      )
      .orderBy('sent_at')
      .limit(SEND_TIMES_LIMIT)
      .execute();
    return rows.flatMap((r) => (r.sent_at ? [new Date(r.sent_at)] : []));
  }

  async markUndeliverable(id: number, at: Date, reason: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ failed_at: toIso(at), failure: reason })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .execute();
  }

  async sendClassesOf(ids: readonly number[]): Promise<Map<number, SendClass>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.db
      .selectFrom('outbox')
      .select(['id', 'send_class'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, toSendClass(r.send_class)]));
  }

  async noticesToJoin(first: OutboxRow, input: { until: Date; limit: number }): Promise<OutboxRow[]> {
    if (first.to === null || input.limit <= 0) {
      return [];
    }
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .where('to', '=', first.to)
      .where('id', '<>', first.id)
      .where('room', 'is', null)
      .where('send_class', 'in', ['notice', 'routine'])
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('created_at', '<=', toIso(input.until))
      .orderBy('id')
      .limit(input.limit)
      .execute();
    return rows.map(fromOutboxRecord);
  }

  enqueueMessages(outbox: readonly OutboxMessage[], input: { at: Date; key: string }): Promise<number[]> {
    return this.write(async (trx) => {
      const queued = await outboxIdsOfKey(trx, input.key);
      if (queued.length > 0) {
        return queued;
      }
      return insertOutbox(
        trx,
        outbox,
        { ticketNumber: null, createdAt: input.at, dedupeKey: input.key },
        this.seal,
      );
    });
  }

  verifyAudit(options: { anchors?: readonly AuditAnchor[] } = {}): Promise<AuditResult> {
    return inTransaction(this.db, this.dialect, 'read', (trx) =>
      verifyChain(trx, { seal: this.seal, anchors: options.anchors ?? [] }),
    );
  }

  async auditHead(): Promise<AuditAnchor> {
    const head = await this.db
      .selectFrom('audit_head')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { eventId: Number(head.event_id), hash: head.hash };
  }

  countRecords(input: { unreadBefore: Date }): Promise<RecordCounts> {
    return countRecords(this.db, input);
  }

  /**
   * Signs what was stored before there was an audit key (the first start after migration 0006): trust on
   * first use. The composition root calls it only while no anchor exists outside the store; after that an
   * unsigned row is a forgery.
   */
  async signUnsigned(): Promise<number> {
    const seal = this.seal;
    if (!seal) {
      return 0;
    }
    return this.write(async (trx) => {
      let signed = 0;
      const head = await trx
        .selectFrom('audit_head')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      if (!head.mac && Number(head.event_id) > 0) {
        await trx
          .updateTable('audit_head')
          .set({ mac: seal.mac(headMacText(head)) })
          .where('id', '=', 1)
          .execute();
        signed++;
      }
      for (const m of await trx.selectFrom('messages').selectAll().where('mac', 'is', null).execute()) {
        const outcome = m.handled_at !== null ? { outcome_mac: seal.mac(outcomeMacText(m)) } : {};
        await trx
          .updateTable('messages')
          .set({ mac: seal.mac(messageMacText(m)), ...outcome })
          .where('key', '=', m.key)
          .execute();
        signed++;
      }
      for (const r of await trx.selectFrom('outbox').selectAll().where('mac', 'is', null).execute()) {
        await trx
          .updateTable('outbox')
          .set({ mac: seal.mac(outboxMacText(r)) })
          .where('id', '=', r.id)
          .execute();
        signed++;
      }
      return signed;
    });
  }

  private signedMessage(row: MessageRow): MessageRow {
    return this.seal ? { ...row, mac: this.seal.mac(messageMacText(row)) } : row;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private write<T>(work: (trx: StoreDb) => Promise<T>): Promise<T> {
    return inTransaction(this.db, this.dialect, 'write', work);
  }

  /** The ticket a handled message made; a message settled without one cannot make a ticket now. */
  private async ticketMadeBy(messageKey: string): Promise<Created | undefined> {
    const message = await this.getMessage(messageKey);
    if (!message?.outcome) {
      return undefined;
    }
    const number = message.outcome.ticketNumber;
    const ticket = number === null ? undefined : await this.getTicket(number);
    if (!ticket) {
      throw new AppError('TICKET_NOT_FOUND', {
        message: `message ${messageKey} was handled without a ticket`,
      });
    }
    return { ticket, created: false, outboxIds: [] };
  }
}
