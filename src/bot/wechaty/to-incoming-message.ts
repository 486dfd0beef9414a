import { type Message, types } from 'wechaty';
import type { IncomingMessage } from '../messenger.js';

const KIND_BY_TYPE: Partial<Record<types.Message, IncomingMessage['kind']>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
};

/** Maps a Wechaty message to the domain's; undefined for the bot's own messages and kinds it does not read. */
export async function toIncomingMessage(
  message: Message,
  accountId: string,
): Promise<IncomingMessage | undefined> {
  if (message.self()) {
    return undefined;
  }
  const kind = KIND_BY_TYPE[message.type()] ?? 'other';
  if (kind === 'other') {
    return undefined;
  }
  const room = message.room();
  const talker = message.talker();
  const text =
    kind === 'text' ? (room ? await message.mentionText() : message.text()) : await fileName(message);
  return {
    key: `${accountId}:${message.id}`,
    roomId: room?.id ?? null,
    roomTopic: room ? await room.topic() : null,
    senderId: talker.id,
    senderName: talker.name(),
    text: text.trim(),
    kind,
    mentionsBot: room ? await message.mentionSelf() : true,
    sentAt: message.date(),
  };
}

async function fileName(message: Message): Promise<string> {
  try {
    const file = await message.toFileBox();
    return file.name;
  } catch {
    return message.type() === types.Message.Image ? 'image' : 'voice';
  }
}
