import type { OutboxMessage } from '../tickets/outbox.js';

/** A message as the domain sees it, whatever chat protocol delivered it. */
export type IncomingMessage = {
  /** Unique per message on this bot account; a redelivery has the same key. */
  key: string;
  roomId: string | null;
  roomTopic: string | null;
  senderId: string;
  senderName: string;
  /** Text with the @-mention of the bot removed; a file name for images and voice. */
  text: string;
  kind: 'text' | 'image' | 'voice' | 'other';
  mentionsBot: boolean;
  sentAt: Date;
};

/** Sends what the outbox holds; adapters resolve rooms and contacts by id, then by name. */
export interface Messenger {
  /** Resolves once the chat protocol accepted the message; throws AppError ROOM_NOT_FOUND or CONTACT_NOT_FOUND. */
  send(message: OutboxMessage): Promise<void>;
}

/** The messenger of one of the deployment's bot accounts, which knows the groups and people it reaches. */
export interface AccountMessenger extends Messenger {
  /** Whether this account can deliver the message: it is in the group, or knows the person. */
  reaches(message: OutboxMessage): Promise<boolean>;
}
