import type { Body } from '../labels/labels.js';
import type { Evidence, JointBody, Ticket, TicketStatus } from '../tickets/ticket.js';
import {
  fromFlag,
  fromIso,
  fromIsoOrNull,
  fromStringList,
  toFlag,
  toIso,
  toIsoOrNull,
  toStringList,
} from './row-values.js';
import type { TicketRow } from './schema/database.js';

type JointBodyJson = {
  body: string;
  name: string;
  liaison: string | null;
  called_at: string;
  reported_at: string | null;
};
type EvidenceJson = { kind: Evidence['kind']; ref: string; at: string; by: string };

/** Every column of `tickets`, in a fixed order; the audit hashes exactly these. */
export const TICKET_COLUMNS = [
  'number',
  'status',
  'intent',
  'category',
  'body',
  'tiao_kuai',
  'urgency',
  'location_compound',
  'location_building',
  'location_unit',
  'location_room',
  'location_landmark',
  'grid',
  'party_branch',
  'assignees',
  'reporter',
  'reporter_id',
  'co_reporters',
  'co_reporter_ids',
  'room',
  'room_id',
  'text',
  'created_at',
  'respond_by',
  'resolve_by',
  'responded_at',
  'resolved_at',
  'closed_at',
  'confirmation',
  'rating',
  'reopen_count',
  'recurrence_of',
  'merged_into',
  'overdue',
  'escalation_level',
  'deadlines_resumed_at',
  'return_count',
  'transfer_count',
  'joint_bodies',
  'evidence',
  'classified_by',
  'confidence',
] as const satisfies readonly (keyof TicketRow)[];

/** The row a ticket is stored as. */
export function toTicketRow(t: Ticket): TicketRow {
  const jointBodies: JointBodyJson[] = t.jointBodies.map((j) => ({
    body: j.body,
    name: j.name,
    liaison: j.liaison,
    called_at: toIso(j.calledAt),
    reported_at: toIsoOrNull(j.reportedAt),
  }));
  const evidence: EvidenceJson[] = t.evidence.map((e) => ({
    kind: e.kind,
    ref: e.ref,
    at: toIso(e.at),
    by: e.by,
  }));
  return {
    number: t.number,
    status: t.status,
    intent: t.intent,
    category: t.category,
    body: t.body,
    tiao_kuai: t.tiaoKuai,
    urgency: t.urgency,
    location_compound: t.location.compound,
    location_building: t.location.building,
    location_unit: t.location.unit,
    location_room: t.location.room,
    location_landmark: t.location.landmark,
    grid: t.grid,
    party_branch: t.partyBranch,
    assignees: toStringList(t.assignees),
    reporter: t.reporter,
    reporter_id: t.reporterId,
    co_reporters: toStringList(t.coReporters),
    co_reporter_ids: t.coReporterIds?.some((id) => id !== '') ? toStringList(t.coReporterIds) : null,
    room: t.room,
    room_id: t.roomId,
    text: t.text,
    created_at: toIso(t.createdAt),
    respond_by: toIsoOrNull(t.respondBy),
    resolve_by: toIsoOrNull(t.resolveBy),
    responded_at: toIsoOrNull(t.respondedAt),
    resolved_at: toIsoOrNull(t.resolvedAt),
    closed_at: toIsoOrNull(t.closedAt),
    confirmation: t.confirmation,
    rating: t.rating,
    reopen_count: t.reopenCount,
    recurrence_of: t.recurrenceOf,
    merged_into: t.mergedInto,
    overdue: toFlag(t.overdue),
    escalation_level: t.escalationLevel,
    deadlines_resumed_at: toIsoOrNull(t.deadlinesResumedAt ?? null),
    return_count: t.returnCount,
    transfer_count: t.transferCount,
    joint_bodies: JSON.stringify(jointBodies),
    evidence: JSON.stringify(evidence),
    classified_by: t.classifiedBy,
    confidence: t.confidence,
  };
}

/** The ticket a stored row holds; label columns are trusted because only toTicketRow writes them. */
export function fromTicketRow(r: TicketRow): Ticket {
  const jointBodies = (JSON.parse(r.joint_bodies) as JointBodyJson[]).map(
    (j): JointBody => ({
      body: j.body as Body,
      name: j.name,
      liaison: j.liaison,
      calledAt: fromIso(j.called_at),
      reportedAt: fromIsoOrNull(j.reported_at),
    }),
  );
  const evidence = (JSON.parse(r.evidence) as EvidenceJson[]).map(
    (e): Evidence => ({ kind: e.kind, ref: e.ref, at: fromIso(e.at), by: e.by }),
  );
  return {
    number: r.number,
    status: r.status as TicketStatus,
    intent: r.intent as Ticket['intent'],
    category: r.category as Ticket['category'],
    body: r.body as Ticket['body'],
    tiaoKuai: r.tiao_kuai as Ticket['tiaoKuai'],
    urgency: r.urgency as Ticket['urgency'],
    location: {
      compound: r.location_compound,
      building: r.location_building,
      unit: r.location_unit,
      room: r.location_room,
      landmark: r.location_landmark,
    },
    grid: r.grid,
    partyBranch: r.party_branch,
    assignees: fromStringList(r.assignees),
    reporter: r.reporter,
    reporterId: r.reporter_id,
    coReporters: fromStringList(r.co_reporters),
    ...(r.co_reporter_ids ? { coReporterIds: fromStringList(r.co_reporter_ids) } : {}),
    room: r.room,
    roomId: r.room_id,
    text: r.text,
    createdAt: fromIso(r.created_at),
    respondBy: fromIsoOrNull(r.respond_by),
    resolveBy: fromIsoOrNull(r.resolve_by),
    respondedAt: fromIsoOrNull(r.responded_at),
    resolvedAt: fromIsoOrNull(r.resolved_at),
    closedAt: fromIsoOrNull(r.closed_at),
    confirmation: r.confirmation as Ticket['confirmation'],
    rating: r.rating,
    reopenCount: r.reopen_count,
    recurrenceOf: r.recurrence_of,
    mergedInto: r.merged_into,
    overdue: fromFlag(r.overdue),
    escalationLevel: r.escalation_level,
    // left out when unset, like a ticket that never had the field (rows from before 0002)
    ...(r.deadlines_resumed_at ? { deadlinesResumedAt: fromIso(r.deadlines_resumed_at) } : {}),
    returnCount: r.return_count,
    transferCount: r.transfer_count,
    jointBodies,
    evidence,
    classifiedBy: r.classified_by,
    confidence: r.confidence,
  };
}

/** Only the ticket columns of a row as read back, so driver extras never reach the audit hash. */
export function pickTicketRow(raw: TicketRow): TicketRow {
  return Object.fromEntries(TICKET_COLUMNS.map((column) => [column, raw[column]])) as TicketRow;
}
