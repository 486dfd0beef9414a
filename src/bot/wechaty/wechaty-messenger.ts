import type { Contact, Room, Wechaty } from 'wechaty';
import { AppError } from '../../errors.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { AccountMessenger } from '../messenger.js';

/**
 * Sends outbox messages through a logged-in Wechaty. Rooms by id, else by topic. A person by id, never by
 * name when an id is known (anyone can take a display name); a name the directory pins (`chat_ids`) is sent
 * to its pinned id; only a name with no id at all is looked up by name.
 */
export class WechatyMessenger implements AccountMessenger {
  constructor(
    private readonly bot: Wechaty,
    private readonly onSent?: (message: OutboxMessage) => void,
    private readonly pinnedId: (name: string) => string | undefined = () => undefined,
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

  /**
   * Whether this account can deliver the message: it is in the group, or knows the person. Asked of the
   * account's own lists of groups and contacts: Wechaty's find, and the puppet's search by id, report an
   * unknown id as a puppet error, which with several accounts would be every group another account is in.
   */
  async reaches(message: OutboxMessage): Promise<boolean> {
    const { puppet } = this.bot;
    if (message.room !== null || message.roomId !== null) {
      if (message.roomId && (await puppet.roomList()).includes(message.roomId)) {
        return true;
      }
      return message.room !== null && (await puppet.roomSearch({ topic: message.room })).length > 0;
    }
    const id = this.contactIdOf(message.toId, message.to);
    if (id) {
      return (await puppet.contactList()).includes(id);
    }
    return message.to !== null && (await puppet.contactSearch({ name: message.to })).length > 0;
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

  /** The id to reach a person by: the known one, else the one the directory pins to the name. */
  private contactIdOf(knownId: string | null, name: string | null): string | undefined {
    return knownId || (name ? this.pinnedId(name) : undefined);
  }

  private async findContact(knownId: string | null, name: string | null): Promise<Contact> {
    const id = this.contactIdOf(knownId, name);
    const contact = id
      ? await this.bot.Contact.find({ id })
      : name
        ? await this.bot.Contact.find({ name })
        : undefined;
    if (!contact) {
      throw new AppError('CONTACT_NOT_FOUND', { message: `no contact ${name ?? id}` });
    }
    return contact;
  }
}
