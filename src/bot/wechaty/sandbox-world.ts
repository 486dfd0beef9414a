import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { FileBox } from 'file-box';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import type { Directory } from '../../directory/directory.js';

/**
 * The file a sandbox photo or voice message sends for NAME: its name as the mock puppet types files (by
 * extension; a voice only as .sil), and the bytes of the real file NAME names (a picture, a SILK recording),
 * else a stand-in.
 */
export function sandboxFile(kind: 'image' | 'voice', name: string): { fileName: string; bytes: Buffer } {
  const fileName =
    kind === 'image'
      ? /\.[a-z0-9]+$/i.test(name)
        ? basename(name)
        : `${basename(name)}.jpg`
      : `${basename(name).replace(/\.[a-z0-9]+$/i, '')}.sil`;
  const real = existsSync(name) && statSync(name).isFile();
  return { fileName, bytes: real ? readFileSync(name) : Buffer.from(`stand-in for ${fileName}`) };
}

/** Residents the sandbox starts with, so a person can speak as one at once. */
export const SAMPLE_RESIDENTS = ['王阿姨', '陈大爷', '刘女士', '赵先生'] as const;

export type SandboxSay = {
  from: string;
  /** Group topic, or null for a private chat with the bot. */
  room: string | null;
  text?: string;
  image?: string;
  voice?: string;
  mention?: boolean;
  /**
   * The photo's or voice's content, base64 (the sandbox page's upload). Without it a FILE that exists is
   * read from disk, anything else is a stand-in.
   */
  bytes?: string;
  /**
   * The sender's WeChat id: two senders with one display name and different ids are two accounts (an
   * impostor). Without it the id follows from the name: one name is one account.
   */
  fromId?: string;
};

/** A message a person said in the sandbox, with the id the mock puppet gave it. */
export type SandboxSaid = SandboxSay & { id: string };

/**
 * The mock puppet populated with the community: the bot, every person in the directory, sample residents,
 * and one room per group. Anyone new who speaks is created on the fly and joins the room they speak in.
 */
export class SandboxWorld {
  readonly mocker = new mock.Mocker();
  readonly puppet: PuppetMock;
  readonly self: mock.ContactMock;
  private readonly contacts = new Map<string, mock.ContactMock>();
  private readonly rooms = new Map<string, mock.RoomMock>();
  private readonly sayListeners = new Set<(said: SandboxSaid) => void>();
  private delivered = 0;

  /**
   * `holds` says which of the directory's groups this bot account is in (all by default; with several
   * accounts, each holds its share of the groups, and everyone is its contact).
   */
  constructor(directory: Directory, holds: (topic: string) => boolean = () => true) {
    this.puppet = new PuppetMock({ mocker: this.mocker });
    this.self = this.mocker.createContact({ name: directory.botName });
    // volunteers are told of the tickets they may help with, so the bot knows them too
    const volunteers = directory.data.volunteers.map((v) => v.name);
    for (const name of [...staffNames(directory), ...volunteers, ...SAMPLE_RESIDENTS]) {
      this.contact(name);
    }
    for (const group of directory.data.groups.filter((g) => holds(g.topic))) {
      const members =
        group.kind === 'residents'
          ? [...SAMPLE_RESIDENTS, ...gridStaff(directory, group.grids)]
          : staffNames(directory);
      this.rooms.set(
        group.topic,
        this.mocker.createRoom({
          topic: group.topic,
          memberIdList: [this.self.id, ...members.map((n) => this.contact(n).id)],
        }),
      );
    }
  }

  /** Logs the bot in (the mock has no QR code). */
  login(): void {
    this.mocker.login(this.self);
  }

  roomTopics(): string[] {
    return [...this.rooms.keys()];
  }

  /** Whether the bot account of this world is in the group. */
  holds(topic: string): boolean {
    return this.rooms.has(topic);
  }

  people(): string[] {
    return [...new Set([...this.contacts.values()].map((c) => c.payload.name))];
  }

  /** How many messages people have sent so far (replay waits until the bot has handled them all). */
  deliveredCount(): number {
    return this.delivered;
  }

  /** Delivers a message from a person to a group or privately to the bot; returns the message id. */
  say(message: SandboxSay): string {
    this.delivered++;
    this.send(message);
    const id = [...this.mocker.cacheMessagePayload.keys()].at(-1) ?? '';
    for (const listener of this.sayListeners) {
      listener({ ...message, id });
    }
    return id;
  }

  /** Calls `listener` with every message a person says from now on (the sandbox page's feed); returns the unsubscribe. */
  onSay(listener: (said: SandboxSaid) => void): () => void {
    this.sayListeners.add(listener);
    return () => this.sayListeners.delete(listener);
  }

  /** Delivers a message the puppet already delivered once, as a flaky connection does. */
  redeliver(messageId: string): void {
    this.delivered++;
    this.puppet.emit('message', { messageId });
  }

  private send({ from, room, text, image, voice, mention, fromId, bytes }: SandboxSay): void {
    const talker = this.contact(from, fromId);
    const target = room === null ? this.self : this.room(room, talker);
    if (image !== undefined || voice !== undefined) {
      const file = sandboxFile(image !== undefined ? 'image' : 'voice', image ?? voice ?? 'file');
      // base64, not a buffer: the mock puppet serialises the file box, which a buffer box cannot do
      const { fileName } = file;
      const content = bytes ?? file.bytes.toString('base64');
      talker.say(FileBox.fromBase64(content, fileName)).to(target);
      return;
    }
    const body = text ?? '';
    if (mention && room !== null) {
      talker.say(`@${this.self.payload.name}\u2005${body}`, [this.self]).to(target);
    } else {
      talker.say(body).to(target);
    }
  }

  private contact(name: string, id?: string): mock.ContactMock {
    const key = id === undefined ? name : `id:${id}`;
    let contact = this.contacts.get(key);
    if (!contact) {
      contact = this.mocker.createContact(id === undefined ? { name } : { name, id });
      this.contacts.set(key, contact);
    }
    return contact;
  }

  private room(topic: string, member: mock.ContactMock): mock.RoomMock {
    let room = this.rooms.get(topic);
    if (!room) {
      room = this.mocker.createRoom({ topic, memberIdList: [this.self.id] });
      this.rooms.set(topic, room);
    }
    if (!room.payload.memberIdList.includes(member.id)) {
      room.payload.memberIdList.push(member.id);
    }
    return room;
  }
}

function staffNames(directory: Directory): string[] {
  const d = directory.data;
  const names = [
    ...d.grids.flatMap((g) => [g.worker, g.secretary]),
    ...d.supervisors.map((s) => s.name),
    ...d.bodies.flatMap((b) => (b.liaison ? [b.liaison] : [])),
    ...d.compounds.flatMap((c) => (c.property ? [c.property.liaison] : [])),
    ...d.party_members.map((m) => m.name),
  ];
  return [...new Set(names)];
}

function gridStaff(directory: Directory, grids: string[]): string[] {
  return grids.flatMap((name) => {
    const grid = directory.gridByName(name);
    return grid ? [grid.worker] : [];
  });
}
