import { type Message, types } from 'wechaty';
import type { IncomingMessage } from '../messenger.js';

const KIND_BY_TYPE: Partial<Record<types.Message, IncomingMessage['kind']>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
};

/** Where the bot keeps the audio of voice messages; returns the reference intake reads it back by. */
export type MediaSink = { save(messageKey: string, fileName: string, bytes: Uint8Array): Promise<string> };

/**
 * Maps a Wechaty message to the domain's; undefined for the bot's own messages and kinds it does not read.
 * A voice message's audio is kept (evidence, and for transcription): its text is the stored reference.
 */
export async function toIncomingMessage(
  message: Message,
  accountId: string,
  media?: MediaSink,
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
  const key = `${accountId}:${message.id}`;
  const text =
    kind === 'text'
      ? room
        ? await message.mentionText()
        : message.text()
      : (kind === 'voice' || kind === 'image') && media
        ? await keptFile(message, key, media, kind)
        : await fileName(message);
  return {
    key,
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

/** Keeps a voice message's audio (to transcribe) or a photo (evidence the dashboard shows); returns its ref. */
async function keptFile(
  message: Message,
  key: string,
  media: MediaSink,
  kind: 'voice' | 'image',
): Promise<string> {
  try {
    const file = await message.toFileBox();
    return await media.save(key, file.name, new Uint8Array(await file.toBuffer()));
  } catch {
    return kind === 'voice' ? 'voice' : 'image';
  }
}

async function fileName(message: Message): Promise<string> {
  try {
    const file = await message.toFileBox();
    return file.name;
  } catch {
    return message.type() === types.Message.Image ? 'image' : 'voice';
  }
}
