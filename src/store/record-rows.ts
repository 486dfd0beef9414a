import { type OutboxMessage, type OutboxRow, SEND_CLASSES, type SendClass } from '../tickets/outbox.js';
import type { TicketEvent } from '../tickets/ticket.js';
import type { MessageOutcome, SeenMessage } from '../tickets/ticket-store.js';
import {
  fromFlag,
  fromIso,
  fromIsoOrNull,
  fromStringList,
  toFlag,
  toIso,
  toStringList,
} from './row-values.js';
import type { EventRow, MessageRow, OutboxRecord } from './schema/database.js';

/** The row a newly seen message is stored as, not yet handled. */
export function toMessageRow(m: SeenMessage): MessageRow {
  return {
    key: m.key,
    room_id: m.roomId,
    room: m.room,
    sender_id: m.senderId,
    sender: m.sender,
    text: m.text,
    kind: m.kind,
    mentions_bot: toFlag(m.mentionsBot),
    sent_at: toIso(m.sentAt),
    received_at: toIso(m.receivedAt),
    ticket_number: null,
    intent: null,
    handled_at: null,
  };
}

export function fromMessageRow(r: MessageRow): SeenMessage {
  return {
    key: r.key,
    roomId: r.room_id,
    room: r.room,
    senderId: r.sender_id,
    sender: r.sender,
    text: r.text,
    kind: r.kind as SeenMessage['kind'],
    mentionsBot: fromFlag(r.mentions_bot),
    sentAt: fromIso(r.sent_at),
    receivedAt: fromIso(r.received_at),
  };
}

export function outcomeOf(r: MessageRow): MessageOutcome | null {
  if (r.handled_at === null) {
    return null;
  }
  return { ticketNumber: r.ticket_number, intent: r.intent, handledAt: fromIso(r.handled_at) };
}

export function toOutboxRecord(
  m: OutboxMessage,
  meta: { id: number; ticketNumber: number | null; createdAt: Date },
): OutboxRecord {
  return {
    id: meta.id,
    room: m.room,
    room_id: m.roomId,
    to: m.to,
    to_id: m.toId,
    mentions: toStringList(m.mentions),
    mention_ids: toStringList(m.mentionIds),
    text: m.text,
    ticket_number: meta.ticketNumber,
    created_at: toIso(meta.createdAt),
    sent_at: null,
    send_class: m.sendClass ?? 'reply',
  };
}

/** A stored send class; rows queued before classes were kept, or with one this code does not know, are replies. */
export function toSendClass(stored: string | null | undefined): SendClass {
  return SEND_CLASSES.find((c) => c === stored) ?? 'reply';
}

export function fromOutboxRecord(r: OutboxRecord): OutboxRow {
  return {
    id: r.id,
    room: r.room,
    roomId: r.room_id,
    to: r.to,
    toId: r.to_id,
    mentions: fromStringList(r.mentions),
    mentionIds: fromStringList(r.mention_ids),
    text: r.text,
    sendClass: toSendClass(r.send_class),
    ticketNumber: r.ticket_number,
    createdAt: fromIso(r.created_at),
    sentAt: fromIsoOrNull(r.sent_at),
    failedAt: fromIsoOrNull(r.failed_at ?? null),
  };
}

export function fromEventRow(r: EventRow): TicketEvent {
  return {
    ticketNumber: r.ticket_number,
    seq: r.seq,
    at: fromIso(r.at),
    actor: r.actor,
    type: r.type,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
