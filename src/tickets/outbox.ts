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
};

export type OutboxRow = OutboxMessage & {
  id: number;
  createdAt: Date;
  sentAt: Date | null;
  /** When the row was set aside as undeliverable; null while it may still be sent. */
  failedAt: Date | null;
  ticketNumber: number | null;
};
