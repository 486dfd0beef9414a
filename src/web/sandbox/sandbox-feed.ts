import type { SandboxSaid } from '../../bot/wechaty/sandbox-world.js';
import { formatChinaShort } from '../../clock/china-time.js';
import type { OutboxMessage } from '../../tickets/outbox.js';

/** One line of the sandbox conversation: what a person said, or what the bot sent. */
export type FeedEntry = {
  seq: number;
  /** China time, as chat shows it: 12月1日 09:00. */
  at: string;
  /** Group topic, or null for a private chat with the bot. */
  room: string | null;
  /** In a private chat: the person the bot talks with; null in a group. */
  peer: string | null;
  /** Who spoke: a person's display name, or the bot's name. */
  from: string;
  bot: boolean;
  /** The speaker's roles in words (居民, 第一网格网格员…); empty for the bot. */
  role: string;
  kind: 'text' | 'photo' | 'voice';
  /** The words; for a photo or voice, its file name. */
  text: string;
  /** Names the message @-mentions (the bot's name when a person @-mentions the bot). */
  mentions: string[];
};

export type FeedPage = {
  entries: FeedEntry[];
  /** The newest seq the feed holds (0 when empty): the next `after`. */
  last: number;
  /** More entries wait after this page. */
  more: boolean;
  /** `after` was past the newest entry (the bot restarted): the client should start again from these. */
  reset: boolean;
};

/** How many entries the feed keeps; older ones are dropped. */
export const FEED_CAPACITY = 2_000;
/** Most entries one poll returns. */
export const FEED_PAGE = 200;

/**
 * What people said and what the bot sent in the sandbox, in order, for the sandbox page: a bounded ring
 * buffer in memory (nothing here is a record; the store is).
 */
export class SandboxFeed {
  private readonly ring: FeedEntry[] = [];
  private newest = 0;

  constructor(
    private readonly options: {
      botName: string;
      now: () => Date;
      roleOf: (name: string) => string;
      capacity?: number;
    },
  ) {}

  /** Records a message a person said (photos and voices by file name, never their bytes). */
  said(message: SandboxSaid): FeedEntry {
    const kind = message.image !== undefined ? 'photo' : message.voice !== undefined ? 'voice' : 'text';
    return this.push({
      room: message.room,
      peer: message.room === null ? message.from : null,
      from: message.from,
      bot: false,
      role: this.options.roleOf(message.from),
      kind,
      text: message.image ?? message.voice ?? message.text ?? '',
      mentions: message.mention && message.room !== null ? [this.options.botName] : [],
    });
  }

  /** Records a message the bot sent (as it went out: masked). */
  sent(message: OutboxMessage): FeedEntry {
    return this.push({
      room: message.room,
      peer: message.room === null ? message.to : null,
      from: this.options.botName,
      bot: true,
      role: '',
      kind: 'text',
      text: message.text,
      mentions: message.room === null ? [] : [...message.mentions],
    });
  }

  /** The entries after `seq`, oldest first, at most FEED_PAGE of them. */
  after(seq: number): FeedPage {
    const reset = seq > this.newest;
    const from = Math.max(reset ? 0 : seq, this.newest - this.capacity) + 1;
    const to = Math.min(this.newest, from + FEED_PAGE - 1);
    const entries: FeedEntry[] = [];
    for (let s = from; s <= to; s++) {
      const entry = this.ring[s % this.capacity];
      if (entry) {
        entries.push(entry);
      }
    }
    return { entries, last: to < from ? this.newest : to, more: to < this.newest, reset };
  }

  private get capacity(): number {
    return this.options.capacity ?? FEED_CAPACITY;
  }

  private push(entry: Omit<FeedEntry, 'seq' | 'at'>): FeedEntry {
    this.newest += 1;
    const full: FeedEntry = { seq: this.newest, at: formatChinaShort(this.options.now()), ...entry };
    this.ring[this.newest % this.capacity] = full;
    return full;
  }
}
