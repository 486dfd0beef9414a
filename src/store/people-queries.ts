import { isReporterOrCo } from '../tickets/reporters.js';
import type { Ticket, TicketStatus } from '../tickets/ticket.js';
import type { AssigneeQuery, PersonQuery } from '../tickets/ticket-queries.js';
import { listHas, type Tickets } from './intake-queries.js';
import { toIso } from './row-values.js';
import { fromTicketRow } from './ticket-rows.js';
import type { DialectKind, StoreDb } from './transaction.js';

// A person's tickets for intake: as reporter or co-reporter (follow-ups), as assignee (rating pressure).
// Names in JSON lists are narrowed in SQL and decided exactly in code.

/** A guard on the open tickets one person co-reported (people join a few reports, not hundreds). */
const CO_REPORTED = 500;

/**
 * A person's tickets from three index lookups: as reporter by id, as reporter by name (tickets that do not
 * know the id), and as co-reporter among the tickets in these statuses (JSON lists, decided exactly here).
 */
export async function selectTicketsOfPerson(
  db: StoreDb,
  dialect: DialectKind,
  q: PersonQuery,
): Promise<Ticket[]> {
  if (q.statuses.length === 0) {
    return [];
  }
  const { person, reportedInOrPrivately: room } = q;
  const inRoom = (t: { roomId: string | null }) =>
    room === undefined || t.roomId === null || t.roomId === room;
  const inStatuses = () =>
    db
      .selectFrom('tickets')
      .selectAll()
      .where('status', 'in', [...q.statuses]);
  const reported = (query: Tickets) =>
    room === undefined
      ? query
      : query.where((eb) => eb.or([eb('room_id', 'is', null), eb('room_id', '=', room)]));
  // the column compared with one value leads the order, so the planners walk its index newest first
  const byId = reported(inStatuses().where('reporter_id', '=', person.id))
    .orderBy('reporter_id', 'desc')
    .orderBy('number', 'desc')
    .limit(q.limit);
  const byName = reported(inStatuses().where('reporter_id', 'is', null).where('reporter', '=', person.name))
    .orderBy('reporter', 'desc')
    .orderBy('number', 'desc')
    .limit(q.limit);
  const asCo = inStatuses()
    .where((eb) =>
      eb.or([listHas(dialect, 'co_reporter_ids', person.id), listHas(dialect, 'co_reporters', person.name)]),
    )
    .limit(CO_REPORTED);
  const rows = [...(await byId.execute()), ...(await byName.execute()), ...(await asCo.execute())];
  const tickets = new Map(rows.map((r) => [r.number, fromTicketRow(r)]));
  return [...tickets.values()]
    .filter((t) => inRoom(t) && isReporterOrCo(t, person))
    .sort((a, b) => b.number - a.number)
    .slice(0, q.limit);
}

/** How many of a room's latest tickets the look for an assignee's latest ticket there reads at most. */
const ROOM_RECENT = 500;
/** A guard on a staff member's tickets of one status range from one room. */
const ASSIGNED_RECENT = 500;

/**
 * A staff member's tickets from one room, newest first: with `statuses`, from the room's index range of
 * those statuses (closed ones since `closedFrom`, a range of its own); without, among the room's latest
 * ROOM_RECENT tickets.
 */
export async function selectTicketsAssignedTo(
  db: StoreDb,
  dialect: DialectKind,
  q: AssigneeQuery,
): Promise<Ticket[]> {
  const { statuses, closedFrom } = q;
  if (statuses?.length === 0) {
    return [];
  }
  const inRoom = () =>
    db
      .selectFrom('tickets')
      .selectAll()
      .where('room_id', q.roomId === null ? 'is' : '=', q.roomId);
  const mine = listHas(dialect, 'assignees', q.assignee);
  const rows = statuses
    ? (
        await Promise.all(
          statusRanges(statuses, closedFrom).map((range) =>
            range(inRoom()).where(mine).limit(ASSIGNED_RECENT).execute(),
          ),
        )
      ).flat()
    : // the room's latest by creation: its (room_id, created_at) index is the one path in that order
      await db
        .selectFrom(inRoom().orderBy('created_at', 'desc').limit(ROOM_RECENT).as('recent'))
        .selectAll()
        .where(mine)
        .execute();
  return rows
    .map(fromTicketRow)
    .filter((t) => t.assignees.includes(q.assignee))
    .sort((a, b) => b.number - a.number)
    .slice(0, q.limit);
}

/** Each status range as its own condition, so that each is one range of the (room_id, status, closed_at) index. */
function statusRanges(statuses: readonly TicketStatus[], closedFrom?: Date): Array<(q: Tickets) => Tickets> {
  const others = statuses.filter((s) => closedFrom === undefined || s !== 'closed');
  return [
    ...(others.length > 0 ? [(q: Tickets) => q.where('status', 'in', others)] : []),
    ...(closedFrom && statuses.includes('closed')
      ? [(q: Tickets) => q.where('status', '=', 'closed').where('closed_at', '>=', toIso(closedFrom))]
      : []),
  ];
}
