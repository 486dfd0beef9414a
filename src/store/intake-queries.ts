import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { RESOURCE_ENGAGED } from '../tickets/resource-engagements.js';
import type { Ticket, TicketStatus } from '../tickets/ticket.js';
import type {
  EngagementEvent,
  PlaceKey,
  PlaceQuery,
  RecentTicketsQuery,
  RoomOf,
} from '../tickets/ticket-queries.js';
import type { MessageOutcome, SeenMessage } from '../tickets/ticket-store.js';
import { fromMessageRow, outcomeOf } from './record-rows.js';
import { fromIso, toIso } from './row-values.js';
import type { StoreDatabase, TicketRow } from './schema/database.js';
import { fromTicketRow } from './ticket-rows.js';
import type { DialectKind, StoreDb } from './transaction.js';

// The narrow queries of the intake path (a person's tickets are in people-queries.ts). Each reads one range
// of an index of migration 0008_history_indexes, bounded by a LIMIT or by a window of time or status
// (tests/integration/store/intake-query-plans.test.ts reads their plans).

export type Tickets = SelectQueryBuilder<StoreDatabase, 'tickets', TicketRow>;
type Eb = ExpressionBuilder<StoreDatabase, 'tickets'>;
type ListColumn = 'assignees' | 'co_reporters' | 'co_reporter_ids';

/** Whether a JSON list column holds this exact string (as JSON text, quotes included). */
export function listHas(dialect: DialectKind, column: ListColumn, value: string): Expression<SqlBool> {
  const needle = JSON.stringify(value);
  return dialect === 'sqlite'
    ? sql<SqlBool>`instr(${sql.ref(column)}, ${needle}) > 0`
    : sql<SqlBool>`strpos(${sql.ref(column)}, ${needle}) > 0`;
}

function wherePlace(query: Tickets, place: PlaceKey): Tickets {
  if ('area' in place) {
    return query.where('location_compound', '=', place.area);
  }
  if (place.building !== null) {
    return query.where('location_building', '=', place.building);
  }
  const noBuilding = query.where('location_building', 'is', null);
  if (place.landmark !== null) {
    return noBuilding.where('location_landmark', '=', place.landmark);
  }
  return noBuilding.where('location_landmark', 'is', null).where('location_compound', '=', place.compound);
}

/** The domain's same-room rule: by room id when both know it, else by the room's name (null: private). */
function sameRoom(eb: Eb, room: RoomOf): Expression<SqlBool> {
  const byName = room.room === null ? eb('room', 'is', null) : eb('room', '=', room.room);
  if (room.roomId === null) {
    return byName;
  }
  return eb.or([eb('room_id', '=', room.roomId), eb.and([eb('room_id', 'is', null), byName])]);
}

export async function selectTicketsAtPlace(db: StoreDb, q: PlaceQuery): Promise<Ticket[]> {
  if (q.categories.length === 0 || q.statuses.length === 0 || q.intents?.length === 0) {
    return [];
  }
  let query = wherePlace(
    db
      .selectFrom('tickets')
      .selectAll()
      .where('category', 'in', [...q.categories])
      .where('status', 'in', [...q.statuses]),
    q.place,
  );
  if (q.intents) {
    query = query.where('intent', 'in', [...q.intents]);
  }
  if (q.createdFrom) {
    query = query.where('created_at', '>=', toIso(q.createdFrom));
  }
  query = q.closedFrom
    ? query.where('closed_at', '>=', toIso(q.closedFrom)).orderBy('closed_at', 'desc').orderBy('number')
    : query.orderBy('number', 'desc');
  return (await query.limit(q.limit).execute()).map(fromTicketRow);
}

export async function selectRecentTickets(db: StoreDb, q: RecentTicketsQuery): Promise<Ticket[]> {
  if (q.statuses.length === 0) {
    return [];
  }
  const { intent, sameRoomAs } = q;
  let query = db
    .selectFrom('tickets')
    .selectAll()
    .where('status', 'in', [...q.statuses])
    .where('created_at', '>=', toIso(q.createdFrom));
  if (intent) {
    query = query.where('intent', '=', intent);
  }
  if (sameRoomAs) {
    query = query.where((eb) => sameRoom(eb, sameRoomAs));
  }
  return (await query.orderBy('number', 'desc').limit(q.limit).execute()).map(fromTicketRow);
}

/** `resource_engaged` events made since `since` (an index range on type and time) or on a holding ticket. */
export async function selectEngagementEvents(
  db: StoreDb,
  input: { since: Date; holding: readonly TicketStatus[] },
): Promise<EngagementEvent[]> {
  const columns = [
    'ticket_events.ticket_number',
    'ticket_events.seq',
    'ticket_events.at',
    'ticket_events.type',
    'ticket_events.detail',
    'tickets.status',
  ] as const;
  const recent = await db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.number', 'ticket_events.ticket_number')
    .select(columns)
    .where('ticket_events.type', '=', RESOURCE_ENGAGED)
    .where('ticket_events.at', '>=', toIso(input.since))
    .execute();
  const holding =
    input.holding.length === 0
      ? []
      : await db
          .selectFrom('tickets')
          .innerJoin('ticket_events', 'ticket_events.ticket_number', 'tickets.number')
          .select(columns)
          .where('tickets.status', 'in', [...input.holding])
          .where('ticket_events.type', '=', RESOURCE_ENGAGED)
          .execute();
  const byEvent = new Map([...recent, ...holding].map((r) => [`${r.ticket_number}:${r.seq}`, r]));
  return [...byEvent.values()].map((r) => ({
    ticketNumber: r.ticket_number,
    seq: r.seq,
    at: fromIso(r.at),
    type: r.type,
    detail: r.detail,
    ticketStatus: r.status as TicketStatus,
  }));
}

/** A sender's messages in one room since a time, with outcomes, oldest first; the latest `limit` with one. */
export async function selectRecentMessages(
  db: StoreDb,
  input: { senderId: string; roomId: string | null; since: Date; limit?: number },
): Promise<Array<SeenMessage & { outcome: MessageOutcome | null }>> {
  const direction = input.limit === undefined ? 'asc' : 'desc';
  let query = db
    .selectFrom('messages')
    .selectAll()
    .where('sender_id', '=', input.senderId)
    .where('room_id', input.roomId === null ? 'is' : '=', input.roomId)
    .where('sent_at', '>=', toIso(input.since))
    .orderBy('sent_at', direction)
    .orderBy('received_at', direction)
    .orderBy('key', direction);
  if (input.limit !== undefined) {
    query = query.limit(input.limit);
  }
  const rows = await query.execute();
  const messages = rows.map((r) => ({ ...fromMessageRow(r), outcome: outcomeOf(r) }));
  return direction === 'asc' ? messages : messages.reverse();
}
