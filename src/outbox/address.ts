import type { OutboxMessage } from '../tickets/outbox.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage } from '../tickets/ticket-store.js';

/** A private message to a person by display name (staff are found by their directory name), or by chat id. */
export function privateTo(name: string, text: string, id: string | null = null): OutboxMessage {
  return { room: null, roomId: null, to: name, toId: id, mentions: [], mentionIds: [], text };
}

/** A group message that @-mentions one person. */
function mentionIn(
  room: string | null,
  roomId: string,
  name: string,
  id: string | null,
  text: string,
): OutboxMessage {
  return { room, roomId, to: null, toId: null, mentions: [name], mentionIds: [id ?? ''], text };
}

/** An answer to a message's sender where they spoke: @-mentioned in the group, or privately. */
export function answerTo(message: SeenMessage, text: string): OutboxMessage {
  return message.roomId === null
    ? privateTo(message.sender, text, message.senderId)
    : mentionIn(message.room, message.roomId, message.sender, message.senderId, text);
}

/** A message to a ticket's reporter where they reported: @-mentioned in that group, or privately. */
export function toReporter(t: Ticket, text: string): OutboxMessage {
  return t.roomId === null
    ? privateTo(t.reporter, text, t.reporterId)
    : mentionIn(t.room, t.roomId, t.reporter, t.reporterId, text);
}
