import type { Contact, Room, Wechaty } from 'wechaty';
import { AppError } from '../../errors.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { Messenger } from '../messenger.js';

/** Sends outbox messages through a logged-in Wechaty; rooms and contacts by id first, then by topic or name. */
export class WechatyMessenger implements Messenger {
  constructor(
    private readonly bot: Wechaty,
    private readonly onSent?: (message: OutboxMessage) => void,
  ) {}

  async send(message: OutboxMessage): Promise<void> {
    if (message.room !== null || message.roomId !== null) {
      const room = await this.findRoom(message.roomId, message.room);
      const mentions = await Promise.all(
        message.mentions.map((name, i) =>
          this.findContact(message.mentionIds[i] ?? null, name).catch(() => undefined),
        ),
      );
      const found = mentions.filter((c): c is Contact => c !== undefined);
      await (found.length > 0 ? room.say(message.text, ...found) : room.say(message.text));
    } else {
      const contact = await this.findContact(message.toId, message.to);
      await contact.say(message.text);
    }
    this.onSent?.(message);
  }

  private async findRoom(id: string | null, topic: string | null): Promise<Room> {
    const room =
      (id ? await this.bot.Room.find({ id }) : undefined) ??
      (topic ? await this.bot.Room.find({ topic }) : undefined);
    if (!room) {
      throw new AppError('ROOM_NOT_FOUND', { message: `bot is not in room ${topic ?? id}` });
    }
    return room;
  }

  private async findContact(id: string | null, name: string | null): Promise<Contact> {
    const contact =
      (id ? await this.bot.Contact.find({ id }) : undefined) ??
      (name ? await this.bot.Contact.find({ name }) : undefined);
    if (!contact) {
      throw new AppError('CONTACT_NOT_FOUND', { message: `no contact ${name ?? id}` });
    }
    return contact;
  }
}
