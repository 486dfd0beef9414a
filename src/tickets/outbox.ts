/**
 * What a message is, for the send budget: an emergency answer or alert goes first, then replies to the
 * people who spoke to the bot (residents in their groups or privately), then notices to staff, then routine
 * notices (about tickets of normal urgency: nobody waits on them within minutes, so they wait longer for
 * more to the same person and go out together).
 */
export const SEND_CLASSES = ['emergency', 'reply', 'notice', 'routine'] as const;
export type SendClass = (typeof SEND_CLASSES)[number];

/** A message the bot must send, written in the same transaction as the change that caused it. */
export type OutboxMessage = {
  /** Group topic to send to, or null for a private message. */
  room: string | null;
  roomId: string | null;
  /** Display name of the private recipient, or null for a group message. */
  to: string | null;
  toId: string | null;
  /** Display names to @-mention in a group message. */
  mentions: string[];
  mentionIds: string[];
  text: string;
  /** Set where the message is made; a message without one is sent as a `reply`. */
  sendClass?: SendClass;
};

export type OutboxRow = Omit<OutboxMessage, 'sendClass'> & {
  id: number;
  sendClass: SendClass;
  createdAt: Date;
  sentAt: Date | null;
  /** When the row was set aside as undeliverable; null while it may still be sent. */
  failedAt: Date | null;
  ticketNumber: number | null;
};
