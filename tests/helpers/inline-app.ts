import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, Messenger } from '../../src/bot/messenger.js';
import { sandboxFile } from '../../src/bot/wechaty/sandbox-world.js';
import type { Clock } from '../../src/clock/clock.js';
import { composeInline, type InlineApp } from '../../src/compose.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { OutboxMessage } from '../../src/tickets/outbox.js';
import type { TicketStore } from '../../src/tickets/ticket-store.js';

/** What a person says to the bot: in a group (`room`) or privately (`room: null`). */
export type Say = {
  from: string;
  room: string | null;
  text?: string;
  /** A photo: its file name. */
  image?: string;
  /** The message @-mentions the bot (a private message always reaches it). */
  mention?: boolean;
  /** The sender's WeChat id; without it one name is one account. */
  fromId?: string;
};

/** What the intake and command tests talk to: the bot's logic on its real store, with its sends recorded. */
export type ChatApp = {
  tickets: TicketStore;
  sent: OutboxMessage[];
  /** Says something and waits until the bot has done everything it will do about it. */
  say(message: Say): Promise<string>;
  /** Delivers a message said before once more, as a chat protocol may; `settle` reads it. */
  redeliver(key: string): Promise<void>;
  /** Waits until the bot has done everything it will do. */
  settle(): Promise<void>;
  dataDir: string;
  stop(): Promise<void>;
};

/** Keeps a photo as the sandbox sends it (a file that exists, else a stand-in) and returns its reference. */
function keepPhoto(app: InlineApp, key: string, name: string): Promise<string> {
  const { fileName, bytes } = sandboxFile('image', name);
  return app.media.save(key, fileName, new Uint8Array(bytes));
}

/** Records what the bot sends instead of sending it. */
class RecordingMessenger implements Messenger {
  readonly sent: OutboxMessage[] = [];
  async send(message: OutboxMessage): Promise<void> {
    this.sent.push(message);
  }
}

/**
 * The bot's intake, commands and outbox without WeChat or Redis (`composeInline`): SQLite in a temp folder,
 * the shipped readers, an inline queue, a messenger that records. For logic tests; what crosses the chat
 * protocol and the queues is tested on the whole pipeline (test-app.ts).
 */
export async function startInlineApp(
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<ChatApp & { app: InlineApp }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-inline-'));
  const config = parseConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    OUTBOX_PER_MINUTE: '100000',
    OUTBOX_BATCH_WINDOW_S: '0',
    ...options.env,
  });
  const messenger = new RecordingMessenger();
  const app = await composeInline({
    config,
    logger: silentLogger,
    messenger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let said = 0;
  const delivered = new Map<string, IncomingMessage>();
  return {
    app,
    tickets: app.tickets,
    sent: messenger.sent,
    dataDir,
    say: async (message) => {
      said++;
      const key = `inline:${said}`;
      const image = message.image;
      const incoming: IncomingMessage = {
        key,
        roomId: message.room === null ? null : `room:${message.room}`,
        roomTopic: message.room,
        senderId: message.fromId ?? `contact:${message.from}`,
        senderName: message.from,
        // a photo is kept as the WeChat adapter keeps it: a real file's bytes, or a stand-in, by reference
        text: image === undefined ? (message.text ?? '') : await keepPhoto(app, key, image),
        kind: image === undefined ? 'text' : 'image',
        mentionsBot: message.room === null || message.mention === true,
        // the protocol's stamp is wall-clock time; intake keeps only its lag (onIntakeClock)
        sentAt: new Date(),
      };
      delivered.set(key, incoming);
      await app.accept(incoming);
      await app.settle();
      return key;
    },
    redeliver: async (key) => {
      const incoming = delivered.get(key);
      if (!incoming) {
        throw new Error(`nothing was said with key ${key}`);
      }
      await app.accept(incoming);
    },
    settle: () => app.settle(),
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
