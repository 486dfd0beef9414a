import type { OutboxMessage } from '../tickets/outbox.js';
import type { SeenMessage } from '../tickets/ticket-store.js';

/** A reply to the sender where they spoke: @-mention in the group, or privately. */
export function answer(message: SeenMessage, text: string): OutboxMessage {
  return message.roomId !== null
    ? {
        room: message.room,
        roomId: message.roomId,
        to: null,
        toId: null,
        mentions: [message.sender],
        mentionIds: [message.senderId],
        text,
      }
    : privately(message.sender, text, message.senderId);
}

/** A private message to a person by name (staff are found by their directory name). */
export function privately(name: string, text: string, id: string | null = null): OutboxMessage {
  return { room: null, roomId: null, to: name, toId: id, mentions: [], mentionIds: [], text };
}
