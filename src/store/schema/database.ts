/**
 * Row types of the store's tables, as both dialects return them: integers, text and doubles only.
 * Times are UTC ISO-8601 text (`Date#toISOString`), which sorts and compares as text on both dialects;
 * arrays and objects are JSON text.
 */
export type TicketRow = {
  number: number;
  status: string;
  intent: string;
  category: string;
  body: string;
  tiao_kuai: string;
  urgency: string;
  location_compound: string | null;
  location_building: number | null;
  location_unit: number | null;
  location_room: number | null;
  location_landmark: string | null;
  grid: string | null;
  party_branch: string | null;
  assignees: string;
  reporter: string;
  reporter_id: string | null;
  co_reporters: string;
  /** JSON list aligned with co_reporters ('' where unknown); null while no co-reporter's id is known. */
  co_reporter_ids: string | null;
  room: string | null;
  room_id: string | null;
  text: string;
  created_at: string;
  respond_by: string | null;
  resolve_by: string | null;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  confirmation: string | null;
  rating: number | null;
  reopen_count: number;
  recurrence_of: number | null;
  merged_into: number | null;
  /** 0 or 1. */
  overdue: number;
  escalation_level: number;
  /** Added by 0002; null until a reopen resumed the deadlines. */
  deadlines_resumed_at: string | null;
  return_count: number;
  transfer_count: number;
  joint_bodies: string;
  evidence: string;
  classified_by: string;
  confidence: number;
};

/** One entry of the append-only log; `id` orders the whole log (the global hash chain). */
export type EventRow = {
  id: number;
  ticket_number: number;
  seq: number;
  at: string;
  actor: string;
  type: string;
  detail: string;
  prev_hash: string;
  hash: string;
  state_hash: string;
};

export type MessageRow = {
  key: string;
  room_id: string | null;
  room: string | null;
  sender_id: string;
  sender: string;
  text: string;
  kind: string;
  /** 0 or 1. */
  mentions_bot: number;
  sent_at: string;
  received_at: string;
  ticket_number: number | null;
  intent: string | null;
  /** Null until the message is handled; the outcome columns are set together. */
  handled_at: string | null;
  /** Added by 0006: HMAC of the message as it arrived, and of its outcome once set (audit key). */
  mac?: string | null;
  outcome_mac?: string | null;
};

export type OutboxRecord = {
  id: number;
  room: string | null;
  room_id: string | null;
  to: string | null;
  to_id: string | null;
  mentions: string;
  mention_ids: string;
  text: string;
  ticket_number: number | null;
  created_at: string;
  sent_at: string | null;
  /** Added by 0002: `<key>:<index>` for messages queued once per key (digests); null otherwise. */
  dedupe_key?: string | null;
  /** Added by 0003: when the message was given up as undeliverable (no such room or contact), and why. */
  failed_at?: string | null;
  failure?: string | null;
  /** Added by 0006: HMAC of the reply as queued (audit key). */
  mac?: string | null;
  /** Added by 0007_send_classes: emergency, reply or notice; null on rows queued before (sent as replies). */
  send_class?: string | null;
  /**
   * Added by 0009_outbox_senders: what sent the message (a bot account's label such as `wechat-2`, or
   * `staff-channel`); null on rows sent before.
   */
  sent_by?: string | null;
};

/** Named counters (`ticket`, `outbox`); incrementing one locks its row until the transaction ends. */
export type CounterRow = { name: string; value: number };

/** The single row (id 1) naming the last event of the chain; updating it serialises appends. */
export type AuditHeadRow = {
  id: number;
  event_id: number;
  ticket_number: number | null;
  seq: number | null;
  hash: string;
  /** Added by 0006: HMAC of the head (audit key); null only before the first signed append. */
  mac?: string | null;
};

export interface StoreDatabase {
  tickets: TicketRow;
  ticket_events: EventRow;
  messages: MessageRow;
  outbox: OutboxRecord;
  counters: CounterRow;
  audit_head: AuditHeadRow;
}
