import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptMessage } from '../../../src/intake/accept-message.js';
import { silentLogger } from '../../../src/logger.js';
import { roomOfBuilding } from '../../helpers/rooms.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const HOUR = 3_600_000;

describe('fault: duplicate and old deliveries', () => {
  it('each message is read once, whenever and however often it arrives (figures printed)', async () => {
    app = await startTestApp({ env: { OUTBOX_PER_MINUTE: '100000' } });
    const a = app;
    // fresh reports, each delivered twice by the puppet
    const fresh = Array.from({ length: 10 }, (_, i) => i + 1);
    for (const b of fresh) {
      const id = await a.say({
        room: roomOfBuilding(b),
        from: `住户${b}`,
        text: `${b}号楼楼道灯坏了好几天了`,
      });
      a.world.redeliver(id);
    }
    // the backlog WeChat hands over after a reconnect: reports written a day ago, each handed over twice,
    // by senders the bot has seen before
    const old = Array.from({ length: 10 }, (_, i) => i + 11);
    const senders = new Map<number, { senderId: string; roomId: string | null }>();
    for (const b of old) {
      await a.say({ room: roomOfBuilding(b), from: `住户${b}`, text: '大家好' });
    }
    const db = new Database(join(a.dataDir, 'shaozi.db'), { readonly: true });
    for (const b of old) {
      const row = db
        .prepare('select sender_id as senderId, room_id as roomId from messages where sender = ? limit 1')
        .get(`住户${b}`) as { senderId: string; roomId: string | null };
      senders.set(b, row);
    }
    db.close();
    const deps = {
      ...{ tickets: a.tickets, queue: a.queue, logger: silentLogger },
      clock: { now: () => new Date(), waitUntil: async () => {} },
    };
    for (const b of old) {
      const ids = senders.get(b);
      const message = {
        key: `backlog-${b}`,
        roomId: ids?.roomId ?? null,
        roomTopic: roomOfBuilding(b),
        senderId: ids?.senderId ?? `wxid-${b}`,
        senderName: `住户${b}`,
        text: `${b}号楼门口的井盖松了，踩上去晃`,
        kind: 'text' as const,
        mentionsBot: false,
        sentAt: new Date(Date.now() - 26 * HOUR),
      };
      await acceptMessage(deps, message);
      await acceptMessage(deps, message);
    }
    await a.settle();

    const tickets = await a.tickets.listTickets();
    const perBuilding = new Map<number, number>();
    for (const t of tickets) {
      perBuilding.set(t.location.building ?? 0, (perBuilding.get(t.location.building ?? 0) ?? 0) + 1);
    }
    const buildings = [...fresh, ...old];
    const lost = buildings.filter((b) => !perBuilding.has(b)).length;
    const duplicated = [...perBuilding.values()].filter((n) => n > 1).length;
    const answers = (b: number) =>
      a.sent.filter(
        (m) => m.room === roomOfBuilding(b) && m.mentions.includes(`住户${b}`) && m.text.includes('#'),
      );
    const answeredTwice = buildings.filter((b) => answers(b).length > 1).length;
    const unanswered = buildings.filter((b) => answers(b).length === 0).length;
    process.stdout.write(
      `fault duplicate-and-old-deliveries: ${fresh.length} reports delivered twice, ${old.length} a day old delivered twice: ${tickets.length} tickets, lost ${lost}, duplicated ${duplicated}, answered twice ${answeredTwice}, unanswered ${unanswered}\n`,
    );
    expect({ lost, duplicated, answeredTwice, unanswered }).toEqual({
      lost: 0,
      duplicated: 0,
      answeredTwice: 0,
      unanswered: 0,
    });
    expect(tickets).toHaveLength(20);
  }, 90_000);
});
