import type { OutboxMessage } from '../tickets/outbox.js';
import { coReportersOf } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage } from '../tickets/ticket-store.js';

/**
 * A private message to a person by display name (staff are found by their directory name), or by chat id,
 * sent as a reply: to a resident, or to whoever just spoke to the bot.
 */
export function privateTo(name: string, text: string, id: string | null = null): OutboxMessage {
  return {
    room: null,
    roomId: null,
    to: name,
    toId: id,
    mentions: [],
    mentionIds: [],
    text,
    sendClass: 'reply',
  };
}

/** A private notice to a staff member: sent after emergencies and replies, and batched with their others. */
export function noticeTo(name: string, text: string, id: string | null = null): OutboxMessage {
  return { ...privateTo(name, text, id), sendClass: 'notice' };
}

/**
 * A private notice to a staff member about a ticket: routine when the ticket is of normal urgency (sent after
 * every other class and batched over a longer window), else a notice.
 */
export function noticeAbout(t: Pick<Ticket, 'urgency'>, name: string, text: string): OutboxMessage {
  return { ...noticeTo(name, text), sendClass: t.urgency === 'normal' ? 'routine' : 'notice' };
}

/** Whether a message is a private notice to a staff member (batched, and sent on the staff channel if any). */
export function isStaffNotice(m: Pick<OutboxMessage, 'sendClass' | 'room' | 'to'>): boolean {
  return (m.sendClass === 'notice' || m.sendClass === 'routine') && m.room === null && m.to !== null;
}

/** The same message, sent before everything else (an emergency's answer and alerts). */
export function asEmergency(message: OutboxMessage): OutboxMessage {
  return { ...message, sendClass: 'emergency' };
}

/** The longest display name the bot puts after an @ in a group. */
const MAX_MENTION_CHARS = 16;

/**
 * Whether a display name may appear after the bot's @ in a group: a name, not a sentence. A name such as
 * 「所有人 紧急通知：今晚停水，每户交押金500元」 would make the bot say the sender's words; such a sender is
 * answered in the group without the @ (the reply still says what it is about).
 */
export function safeToMention(name: string): boolean {
  return (
    [...name].length <= MAX_MENTION_CHARS &&
    !/[\s:：,，。;；!！?？@＠「」"“”]/.test(name) &&
    !/^(所有人|全体|全员|everyone|all)/i.test(name)
  );
}

/** A group message that @-mentions one person (when their name is safe to repeat). */
function mentionIn(
  room: string | null,
  roomId: string,
  name: string,
  id: string | null,
  text: string,
): OutboxMessage {
  const group = { room, roomId, to: null, toId: null, text, sendClass: 'reply' } as const;
  return safeToMention(name)
    ? { ...group, mentions: [name], mentionIds: [id ?? ''] }
    : { ...group, mentions: [], mentionIds: [] };
}

/** An answer to a message's sender where they spoke: @-mentioned in the group, or privately. */
export function answerTo(message: SeenMessage, text: string): OutboxMessage {
  return message.roomId === null
    ? privateTo(message.sender, text, message.senderId)
    : mentionIn(message.room, message.roomId, message.sender, message.senderId, text);
}

/** A message to everyone who reported a ticket: the reporter where they reported, each co-reporter privately. */
export function toReporters(t: Ticket, text: string): OutboxMessage[] {
  return [toReporter(t, text), ...coReportersOf(t).map((c) => privateTo(c.name, text, c.id))];
}

/** A message to a ticket's reporter where they reported: @-mentioned in that group, or privately. */
export function toReporter(t: Ticket, text: string): OutboxMessage {
  return t.roomId === null
    ? privateTo(t.reporter, text, t.reporterId)
    : mentionIn(t.room, t.roomId, t.reporter, t.reporterId, text);
}
