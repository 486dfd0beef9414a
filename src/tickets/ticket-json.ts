import { toChinaIso, toChinaIsoOrNull } from '../clock/china-time.js';
import { openBlocker } from './blockers.js';
import { engagementsOf } from './resource-engagements.js';
import type { Ticket, TicketEvent } from './ticket.js';

export type TicketEventJson = { seq: number; at: string; actor: string; type: string; detail: string };

/** A party organisation linked to the ticket (routing/party-orgs.ts derives them from the directory). */
export type TicketPartyOrgJson = {
  name: string;
  role: 'grid_branch' | 'paired' | 'joint';
  body: string | null;
  contact: string | null;
};

/** A ticket as the dashboard API, the replay dump and exports show it (interfaces.md "Ticket JSON"). */
export type TicketJson = {
  number: number;
  status: Ticket['status'];
  intent: Ticket['intent'];
  category: Ticket['category'];
  body: Ticket['body'];
  tiao_kuai: Ticket['tiaoKuai'];
  urgency: Ticket['urgency'];
  location: Ticket['location'];
  grid: string | null;
  party_branch: string | null;
  assignees: string[];
  reporter: string;
  co_reporters: string[];
  room: string | null;
  text: string;
  created_at: string;
  respond_by: string | null;
  resolve_by: string | null;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  confirmation: Ticket['confirmation'];
  reopen_count: number;
  recurrence_of: number | null;
  overdue: boolean;
  escalation_level: number;
  joint_bodies: {
    body: string;
    name: string;
    liaison: string | null;
    called_at: string;
    reported_at: string | null;
  }[];
  evidence: { kind: string; ref: string; at: string; by: string }[];
  events: TicketEventJson[];
  rating: number | null;
  merged_into: number | null;
  return_count: number;
  transfer_count: number;
  classified_by: string;
  confidence: number;
  /** The resources engaged on the ticket (对接), oldest first, from the events. */
  engaged_resources: { name: string; contact: string; by: string; at: string }[];
  /** The open 卡点 (blocker), from the events; null when none stands. */
  blocker: { reason: string; note: string; by: string; since: string } | null;
  /** The body's paired party organisation (双报到 unit); present when the caller knows the directory. */
  paired_party_org?: string | null;
  /** Grid party branch, paired organisation and those of the bodies called by 吹哨, each once. */
  party_orgs?: TicketPartyOrgJson[];
};

/**
 * The JSON form of a ticket and its events (oldest first); chat ids (reporter_id, room_id) stay out. With
 * the ticket's party organisations, `paired_party_org` and `party_orgs` are added.
 */
export function toTicketJson(
  ticket: Ticket,
  events: readonly TicketEvent[],
  partyOrgs?: readonly TicketPartyOrgJson[],
): TicketJson {
  const t = ticket;
  const orgs = partyOrgs
    ? {
        paired_party_org: partyOrgs.find((o) => o.role === 'paired')?.name ?? null,
        party_orgs: partyOrgs.map((o) => ({ name: o.name, role: o.role, body: o.body, contact: o.contact })),
      }
    : {};
  return {
    number: t.number,
    status: t.status,
    intent: t.intent,
    category: t.category,
    body: t.body,
    tiao_kuai: t.tiaoKuai,
    urgency: t.urgency,
    location: { ...t.location },
    grid: t.grid,
    party_branch: t.partyBranch,
    assignees: [...t.assignees],
    reporter: t.reporter,
    co_reporters: [...t.coReporters],
    room: t.room,
    text: t.text,
    created_at: toChinaIso(t.createdAt),
    respond_by: toChinaIsoOrNull(t.respondBy),
    resolve_by: toChinaIsoOrNull(t.resolveBy),
    responded_at: toChinaIsoOrNull(t.respondedAt),
    resolved_at: toChinaIsoOrNull(t.resolvedAt),
    closed_at: toChinaIsoOrNull(t.closedAt),
    confirmation: t.confirmation,
    reopen_count: t.reopenCount,
    recurrence_of: t.recurrenceOf,
    overdue: t.overdue,
    escalation_level: t.escalationLevel,
    joint_bodies: t.jointBodies.map((j) => ({
      body: j.body,
      name: j.name,
      liaison: j.liaison,
      called_at: toChinaIso(j.calledAt),
      reported_at: toChinaIsoOrNull(j.reportedAt),
    })),
    evidence: t.evidence.map((e) => ({ kind: e.kind, ref: e.ref, at: toChinaIso(e.at), by: e.by })),
    events: [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ seq: e.seq, at: toChinaIso(e.at), actor: e.actor, type: e.type, detail: e.detail })),
    rating: t.rating,
    merged_into: t.mergedInto,
    return_count: t.returnCount,
    transfer_count: t.transferCount,
    classified_by: t.classifiedBy,
    confidence: t.confidence,
    engaged_resources: engagementsOf(events).map((e) => ({
      name: e.resource,
      contact: e.contact,
      by: e.by,
      at: toChinaIso(e.at),
    })),
    blocker: blockerJson(events),
    ...orgs,
  };
}

function blockerJson(events: readonly TicketEvent[]): TicketJson['blocker'] {
  const b = openBlocker([...events].sort((x, y) => x.seq - y.seq));
  return b ? { reason: b.reason, note: b.note, by: b.by, since: toChinaIso(b.since) } : null;
}
