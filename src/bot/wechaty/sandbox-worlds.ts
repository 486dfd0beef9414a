import type { Directory } from '../../directory/directory.js';
import { type SandboxSaid, type SandboxSay, SandboxWorld } from './sandbox-world.js';

/** What the sandbox offers whoever speaks in it (the terminal, the page, replay and tests). */
export type Sandbox = Pick<
  SandboxWorld,
  'say' | 'onSay' | 'roomTopics' | 'people' | 'deliveredCount' | 'redeliver'
>;

/**
 * The sandbox when the bot runs several WeChat accounts: one mock world per account, the directory's groups
 * dealt out among them in turn (group i to account i mod n), everyone a contact of every account. A message
 * in a group goes to the world of the account in it; a private one (or one in a group nobody holds yet) to
 * the first account, as a resident who added the bot's first account would.
 */
export class SandboxWorlds implements Sandbox {
  readonly worlds: readonly SandboxWorld[];
  /** Which world delivered each message, to deliver it again. */
  private readonly owners = new Map<string, SandboxWorld>();

  constructor(directory: Directory, accounts: number) {
    const topics = directory.data.groups.map((g) => g.topic);
    const n = Math.max(1, accounts);
    this.worlds = Array.from(
      { length: n },
      (_, i) => new SandboxWorld(directory, (topic) => topics.indexOf(topic) % n === i),
    );
  }

  say(message: SandboxSay): string {
    const world = this.worldFor(message.room);
    const id = world.say(message);
    this.owners.set(id, world);
    return id;
  }

  onSay(listener: (said: SandboxSaid) => void): () => void {
    const offs = this.worlds.map((w) => w.onSay(listener));
    return () => {
      for (const off of offs) {
        off();
      }
    };
  }

  roomTopics(): string[] {
    return [...new Set(this.worlds.flatMap((w) => w.roomTopics()))];
  }

  people(): string[] {
    return [...new Set(this.worlds.flatMap((w) => w.people()))];
  }

  deliveredCount(): number {
    return this.worlds.reduce((n, w) => n + w.deliveredCount(), 0);
  }

  redeliver(messageId: string): void {
    (this.owners.get(messageId) ?? this.first).redeliver(messageId);
  }

  private get first(): SandboxWorld {
    return this.worlds[0] as SandboxWorld;
  }

  private worldFor(room: string | null): SandboxWorld {
    return (room === null ? undefined : this.worlds.find((w) => w.holds(room))) ?? this.first;
  }
}
