import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/tickets/outbox.js';
import type { NewEvent, NewTicket } from '../../src/tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../../src/tickets/ticket-store.js';

/** A store under test; `tamper` runs raw SQL against it (absent for stores without SQL). */
export type StoreHarness = {
  store: TicketStore;
  tamper?: (statement: string) => Promise<void>;
  close(): Promise<void>;
};

const T0 = new Date('2026-11-30T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    intent: 'grievance',
    category: 'elevator',
    body: 'property',
    tiaoKuai: 'block',
    urgency: 'urgent',
    location: { compound: '幸福里一区', building: 3, unit: 2, room: null, landmark: null },
    grid: '第一网格',
    partyBranch: '第一网格党支部',
    assignees: ['魏经理'],
    reporter: '王阿姨',
    reporterId: 'wxid-wang',
    room: '幸福里一区业主群',
    roomId: 'room-1',
    text: '3号楼电梯又坏了',
    createdAt: T0,
    respondBy: at(30),
    resolveBy: at(24 * 60),
    classifiedBy: 'local',
    confidence: 0.93,
    ...overrides,
  };
}

export function seenMessage(overrides: Partial<SeenMessage> = {}): SeenMessage {
  return {
    key: 'msg-1',
    roomId: 'room-1',
    room: '幸福里一区业主群',
    senderId: 'wxid-wang',
    sender: '王阿姨',
    text: '3号楼电梯又坏了',
    kind: 'text',
    mentionsBot: false,
    sentAt: T0,
    receivedAt: T0,
    ...overrides,
  };
}

export function reply(text: string, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  const group = { room: '幸福里一区业主群', roomId: 'room-1', to: null, toId: null };
  return { ...group, mentions: ['王阿姨'], mentionIds: ['wxid-wang'], text, ...overrides };
}

export function notice(to: string, text: string): OutboxMessage {
  const direct = { room: null, roomId: null, to, toId: null, mentions: [], mentionIds: [] };
  return { ...direct, text, sendClass: 'notice' };
}

export const createdEvent = (minutes = 0): NewEvent => ({
  at: at(minutes),
  actor: '王阿姨',
  type: 'created',
  detail: '3号楼电梯又坏了',
});

export const noteEvent = (detail: string, minutes = 1): NewEvent => ({
  at: at(minutes),
  actor: '魏经理',
  type: 'note',
  detail,
});

/** Creates a ticket without a message, with one reply. */
export async function create(store: TicketStore, overrides: Partial<NewTicket> = {}) {
  return store.createTicket(newTicket(overrides), {
    messageKey: null,
    event: createdEvent(),
    outbox: [reply('已受理')],
  });
}

/** The TicketStore contract, run against every adapter. */
export function describeTicketStore(name: string, open: () => Promise<StoreHarness>): void {
  describe(`TicketStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: TicketStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.close();
    });

    describe('change with further steps', () => {
      it('writes every step as its own event, in order, in one change the audit accepts', async () => {
        await create(store);
        const at = new Date('2026-11-30T10:00:00+08:00');

        const result = await store.change(1, {
          event: { at, actor: '李明', type: 'accept', detail: '接单' },
          patch: { status: 'accepted', respondedAt: at },
          followedBy: [
            {
              event: { at, actor: '李明', type: 'resolve', detail: '已修好' },
              patch: { status: 'resolved', resolvedAt: at },
            },
            { event: { at, actor: '李明', type: 'confirmation_requested', detail: '王阿姨' }, patch: {} },
          ],
          expectStatus: ['open'],
          outbox: [reply('请确认')],
        });

        expect(result.ok && result.ticket.status).toBe('resolved');
        expect((await store.events(1)).map((e) => [e.seq, e.type])).toEqual([
          [1, 'created'],
          [2, 'accept'],
          [3, 'resolve'],
          [4, 'confirmation_requested'],
        ]);
        expect(await store.verifyAudit()).toMatchObject({ ok: true, events: 4 });
      });

      it('writes none of the steps when the change is refused', async () => {
        await create(store);
        const at = new Date('2026-11-30T10:00:00+08:00');

        const result = await store.change(1, {
          event: { at, actor: '李明', type: 'accept', detail: '接单' },
          patch: { status: 'accepted' },
          followedBy: [
            { event: { at, actor: '李明', type: 'resolve', detail: 'x' }, patch: { status: 'resolved' } },
          ],
          expectStatus: ['accepted'],
        });

        expect(result).toMatchObject({ ok: false, reason: 'conflict' });
        expect(await store.events(1)).toHaveLength(1);
      });
    });

    describe('createTicket', () => {
      it('numbers tickets 1, 2, 3 in creation order', async () => {
        const numbers = [];
        for (const text of ['a', 'b', 'c']) {
          numbers.push((await create(store, { text })).ticket.number);
        }

        expect(numbers).toEqual([1, 2, 3]);
        expect((await store.listTickets()).map((t) => [t.number, t.text])).toEqual([
          [1, 'a'],
          [2, 'b'],
          [3, 'c'],
        ]);
      });

      it('stores a new ticket open with empty later fields, and reads it back unchanged', async () => {
        const { ticket, created, outboxIds } = await create(store);

        expect(created).toBe(true);
        expect(outboxIds).toHaveLength(1);
        expect(ticket).toMatchObject({
          number: 1,
          status: 'open',
          coReporters: [],
          reopenCount: 0,
          overdue: false,
        });
        expect(await store.getTicket(1)).toEqual(ticket);
        expect(await store.getTicket(2)).toBeUndefined();
        expect(await store.events(1)).toEqual([
          expect.objectContaining({
            ticketNumber: 1,
            seq: 1,
            type: 'created',
            actor: '王阿姨',
            prevHash: '',
          }),
        ]);
      });

      it('appends the opening’s further events after created, in one chain', async () => {
        const at = createdEvent().at;
        await store.createTicket(newTicket(), {
          messageKey: null,
          event: createdEvent(),
          outbox: [],
          followedBy: [
            { at, actor: '社区哨子', type: 'emergency_check', detail: '{"asked":["李明","刘桂兰"]}' },
          ],
        });

        expect((await store.events(1)).map((e) => [e.seq, e.type, e.detail])).toEqual([
          [1, 'created', createdEvent().detail],
          [2, 'emergency_check', '{"asked":["李明","刘桂兰"]}'],
        ]);
        expect(await store.verifyAudit()).toMatchObject({ ok: true, events: 2 });
      });

      it('builds the outbox from the new ticket when given a function', async () => {
        const { outboxIds } = await store.createTicket(newTicket(), {
          messageKey: null,
          event: createdEvent(),
          outbox: (t) => [reply(`已受理 #${t.number}`)],
        });

        expect(await store.getOutbox(outboxIds[0] ?? 0)).toMatchObject({
          text: '已受理 #1',
          ticketNumber: 1,
        });
      });

      it('makes one ticket per message: a second call returns it with created false and writes nothing', async () => {
        await store.recordMessage(seenMessage());
        const input = { messageKey: 'msg-1', event: createdEvent(), outbox: [reply('已受理')] };

        const first = await store.createTicket(newTicket(), input);
        const second = await store.createTicket(newTicket(), input);

        expect(first.created).toBe(true);
        expect(second).toEqual({ ticket: first.ticket, created: false, outboxIds: [] });
        expect(await store.listTickets()).toHaveLength(1);
        expect(await store.events(1)).toHaveLength(1);
        expect(await store.pendingOutbox()).toHaveLength(1);
        expect((await store.getMessage('msg-1'))?.outcome).toEqual({
          ticketNumber: 1,
          intent: 'grievance',
          handledAt: createdEvent().at,
        });
      });

      it('makes one ticket when the same message is processed in parallel', async () => {
        await store.recordMessage(seenMessage());
        const input = { messageKey: 'msg-1', event: createdEvent(), outbox: [reply('已受理')] };

        const results = await Promise.all(
          Array.from({ length: 5 }, () => store.createTicket(newTicket(), input)),
        );

        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.ticket.number))).toEqual(new Set([1]));
        expect(await store.pendingOutbox()).toHaveLength(1);
      });

      it('gives 20 parallel calls unique consecutive numbers and an intact chain', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => create(store, { text: `t${i}` })),
        );

        const numbers = results.map((r) => r.ticket.number).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(await store.verifyAudit()).toEqual({ ok: true, tickets: 20, events: 20 });
      });

      describe('unless an open ticket about the same problem is there', () => {
        const sameProblem = (categories: NewTicket['category'][] = ['elevator']) => ({
          place: { building: 3 },
          categories,
          statuses: ['open', 'accepted', 'returned'] as const,
          createdFrom: at(-60),
          limit: 1,
        });
        const report = async (
          key: string,
          sender: string,
          unlessOpen = [sameProblem()],
          ticket: Partial<NewTicket> = {},
        ) => {
          await store.recordMessage(seenMessage({ key, sender, senderId: `wxid-${sender}` }));
          return store.createTicket(
            newTicket({ reporter: sender, reporterId: `wxid-${sender}`, ...ticket }),
            {
              messageKey: key,
              event: createdEvent(),
              outbox: [reply('已受理')],
              unlessOpen,
            },
          );
        };

        it('opens one ticket when ten neighbours report the same problem at once, the rest learning which', async () => {
          const results = await Promise.all(
            Array.from({ length: 10 }, (_, i) => report(`msg-${i}`, `邻居${i}`)),
          );

          const created = results.filter((r) => r.created);
          expect(created).toHaveLength(1);
          expect(results.filter((r) => r.duplicate)).toHaveLength(9);
          expect(new Set(results.map((r) => r.ticket.number))).toEqual(new Set([created[0]?.ticket.number]));
          expect(await store.listTickets()).toHaveLength(1);
          expect(await store.pendingOutbox()).toHaveLength(1);
          expect(await store.verifyAudit()).toMatchObject({ ok: true, tickets: 1, events: 1 });
          // the duplicates' messages are left unread, for the caller to join them to the ticket
          const outcomes = await Promise.all(results.map((_, i) => store.getMessage(`msg-${i}`)));
          expect(outcomes.filter((m) => m?.outcome === null)).toHaveLength(9);
        });

        it('tries the queries in order and finds a ticket in a neighbouring category', async () => {
          await report('msg-a', '王阿姨');

          const second = await report('msg-b', '李叔', [
            sameProblem(['water_supply']),
            sameProblem(['elevator']),
          ]);

          expect(second).toMatchObject({ created: false, duplicate: true, ticket: { number: 1 } });
        });

        it('opens a ticket when only other places or categories are open, or the open one is closed', async () => {
          await report('msg-a', '王阿姨');
          const building5 = { compound: '幸福里一区', building: 5, unit: null, room: null, landmark: null };
          const elsewhere = await report('msg-b', '李叔', [{ ...sameProblem(), place: { building: 5 } }], {
            location: building5,
          });
          const otherKind = await report('msg-c', '赵姐', [sameProblem(['gas'])], { category: 'gas' });
          await store.change(1, {
            event: { at: at(5), actor: '魏经理', type: 'closed', detail: 'fixed' },
            patch: { status: 'closed' },
          });
          const afterClosing = await report('msg-d', '钱伯', [sameProblem()]);

          expect([elsewhere.created, otherKind.created, afterClosing.created]).toEqual([true, true, true]);
        });

        it("returns a redelivered message's own ticket as made by it, not as its duplicate", async () => {
          const first = await report('msg-a', '王阿姨');

          const again = await report('msg-a', '王阿姨');

          expect(again).toEqual({ ticket: first.ticket, created: false, outboxIds: [] });
        });
      });
    });

    describe('change', () => {
      it('applies the patch, appends the event and queues the outbox', async () => {
        await create(store);

        const result = await store.change(1, {
          event: { at: at(5), actor: '魏经理', type: 'accepted', detail: '' },
          patch: { status: 'accepted', respondedAt: at(5), assignees: ['魏经理', '李明'] },
          expectStatus: ['open'],
          outbox: [
            reply('#1 已接单'),
            reply('请跟进', { room: null, roomId: null, to: '李明', toId: 'wxid-li' }),
          ],
        });

        expect(result).toMatchObject({ ok: true, ticket: { status: 'accepted', respondedAt: at(5) } });
        expect(await store.getTicket(1)).toMatchObject({ status: 'accepted', assignees: ['魏经理', '李明'] });
        expect((await store.events(1)).map((e) => [e.seq, e.type])).toEqual([
          [1, 'created'],
          [2, 'accepted'],
        ]);
        const pending = await store.pendingOutbox();
        expect(pending.map((o) => [o.text, o.ticketNumber, o.to])).toEqual([
          ['已受理', 1, null],
          ['#1 已接单', 1, null],
          ['请跟进', 1, '李明'],
        ]);
      });

      it('refuses with conflict and changes nothing when the status is not expected', async () => {
        const { ticket } = await create(store);

        const result = await store.change(1, {
          event: noteEvent('办结'),
          patch: { status: 'resolved' },
          expectStatus: ['accepted'],
          outbox: [reply('已办结')],
        });

        expect(result).toEqual({ ok: false, reason: 'conflict', ticket });
        expect(await store.getTicket(1)).toEqual(ticket);
        expect(await store.events(1)).toHaveLength(1);
        expect(await store.pendingOutbox()).toHaveLength(1);
        expect(await store.verifyAudit()).toMatchObject({ ok: true });
      });

      it('answers not_found for an unknown ticket', async () => {
        expect(await store.change(9, { event: noteEvent('x'), patch: {} })).toEqual({
          ok: false,
          reason: 'not_found',
        });
      });

      it('lets only one of two parallel commands expecting the same status through', async () => {
        await create(store);
        const accept = () =>
          store.change(1, {
            event: noteEvent('接单'),
            patch: { status: 'accepted' },
            expectStatus: ['open'],
          });

        const results = await Promise.all([accept(), accept()]);

        expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
        expect(await store.events(1)).toHaveLength(2);
      });

      it('appends events in order, each chained to the previous event of the whole log', async () => {
        await create(store);
        await create(store);
        await store.change(1, { event: noteEvent('一'), patch: {} });
        await store.change(1, { event: noteEvent('二', 2), patch: { overdue: true } });

        const first = await store.events(1);
        const second = await store.events(2);

        expect(first.map((e) => [e.seq, e.detail])).toEqual([
          [1, '3号楼电梯又坏了'],
          [2, '一'],
          [3, '二'],
        ]);
        expect(second[0]?.prevHash).toBe(first[0]?.hash);
        expect(first[1]?.prevHash).toBe(second[0]?.hash);
        expect(first[2]?.prevHash).toBe(first[1]?.hash);
      });
    });

    describe('messages', () => {
      it('records a message once; a redelivery returns false', async () => {
        expect(await store.recordMessage(seenMessage())).toBe(true);
        expect(await store.recordMessage(seenMessage({ text: 'changed' }))).toBe(false);

        expect(await store.getMessage('msg-1')).toEqual({ ...seenMessage(), outcome: null });
        expect(await store.getMessage('nope')).toBeUndefined();
      });

      it('settles a message once, queueing its replies atomically', async () => {
        await store.recordMessage(seenMessage());
        const outcome = { ticketNumber: null, intent: 'chatter', handledAt: at(1) };

        const first = await store.settleMessage('msg-1', outcome, [reply('不客气')]);
        const second = await store.settleMessage('msg-1', outcome, [reply('不客气')]);

        expect(first).toEqual({ settled: true, outboxIds: [1] });
        expect(second).toEqual({ settled: false, outboxIds: [] });
        expect((await store.getMessage('msg-1'))?.outcome).toEqual(outcome);
        expect(await store.pendingOutbox()).toHaveLength(1);
      });

      it('lists recent messages of one sender in one room since a time, oldest first', async () => {
        await store.recordMessage(seenMessage({ key: 'b', sentAt: at(3), text: 'second' }));
        await store.recordMessage(seenMessage({ key: 'a', sentAt: at(2), text: 'first' }));
        await store.recordMessage(seenMessage({ key: 'old', sentAt: at(0) }));
        await store.recordMessage(seenMessage({ key: 'other', sentAt: at(3), senderId: 'wxid-chen' }));
        await store.recordMessage(seenMessage({ key: 'room2', sentAt: at(3), roomId: 'room-2' }));
        await store.recordMessage(seenMessage({ key: 'dm', sentAt: at(3), roomId: null, room: null }));

        const inRoom = await store.recentMessages({ senderId: 'wxid-wang', roomId: 'room-1', since: at(1) });
        const direct = await store.recentMessages({ senderId: 'wxid-wang', roomId: null, since: at(1) });

        expect(inRoom.map((m) => m.text)).toEqual(['first', 'second']);
        expect(direct.map((m) => m.key)).toEqual(['dm']);
      });
    });

    describe('outbox', () => {
      it('lists unsent rows oldest first and drops them once marked sent', async () => {
        const { outboxIds } = await create(store);
        await store.settleMessage('x', { ticketNumber: null, intent: null, handledAt: at(1) }, [reply('b')]);

        await store.markSent(outboxIds[0] ?? 0, at(2));
        await store.markSent(outboxIds[0] ?? 0, at(3));

        expect((await store.pendingOutbox()).map((o) => o.text)).toEqual(['b']);
        expect(await store.getOutbox(outboxIds[0] ?? 0)).toMatchObject({ text: '已受理', sentAt: at(2) });
        expect(await store.pendingOutbox(0)).toEqual([]);
      });

      it('tells the send times since a moment, once per send, oldest first', async () => {
        const ids = await store.enqueueMessages([reply('a'), reply('b'), reply('c'), reply('d')], {
          at: at(1),
          key: 'k',
        });
        await store.markSent(ids[0] ?? 0, at(2));
        // two rows of one batched notice go out together
        await store.markSent(ids[2] ?? 0, at(5));
        await store.markSent(ids[1] ?? 0, at(5));

        expect(await store.sendTimesSince(at(3))).toEqual([at(5)]);
        expect(await store.sendTimesSince(at(0))).toEqual([at(2), at(5)]);
        expect(await store.sendTimesSince(at(6))).toEqual([]);
      });

      it("tells one account's send times apart, counting sends of unknown sender for every account", async () => {
        const ids = await store.enqueueMessages(
          ['a', 'b', 'c', 'd', 'e'].map((t) => reply(t)),
          { at: at(1), key: 'k' },
        );
        await store.markSent(ids[0] ?? 0, at(2), 'wechat-1');
        await store.markSent(ids[1] ?? 0, at(3), 'wechat-2');
        await store.markSent(ids[2] ?? 0, at(4), 'staff-channel');
        // sent before senders were recorded
        await store.markSent(ids[3] ?? 0, at(5));
        // a redelivered send job does not change who sent it
        await store.markSent(ids[0] ?? 0, at(6), 'wechat-2');

        expect(await store.sendTimesSince(at(0), 'wechat-1')).toEqual([at(2), at(5)]);
        expect(await store.sendTimesSince(at(0), 'wechat-2')).toEqual([at(3), at(5)]);
        expect(await store.sendTimesSince(at(0))).toEqual([at(2), at(3), at(4), at(5)]);
      });

      it('pages unsent rows after a given id', async () => {
        const ids = await store.enqueueMessages([reply('a'), reply('b'), reply('c')], {
          at: at(1),
          key: 'k',
        });

        const first = await store.pendingOutbox(2);
        const rest = await store.pendingOutbox(2, first.at(-1)?.id ?? 0);

        expect(first.map((o) => o.id)).toEqual(ids.slice(0, 2));
        expect(rest.map((o) => o.text)).toEqual(['c']);
      });

      it("keeps each row's send class, a row made without one being a reply", async () => {
        const ids = await store.enqueueMessages(
          [reply('a'), reply('b', { sendClass: 'emergency' }), notice('李明', 'c')],
          { at: at(1), key: 'k' },
        );

        const classes = await store.sendClassesOf([...ids, 999]);

        expect([...classes.entries()]).toEqual([
          [ids[0], 'reply'],
          [ids[1], 'emergency'],
          [ids[2], 'notice'],
        ]);
        expect((await store.getOutbox(ids[2] ?? 0))?.sendClass).toBe('notice');
        expect(await store.sendClassesOf([])).toEqual(new Map());
      });

      it("finds a person's unsent notices after one, up to a time, to go out with it", async () => {
        const [first = 0] = await store.enqueueMessages([notice('李明', '1')], { at: at(1), key: 'a' });
        await store.enqueueMessages(
          [notice('王芳', '2'), reply('3', { room: null, roomId: null, to: '李明' }), notice('李明', '4')],
          { at: at(2), key: 'b' },
        );
        const [sentAlready = 0, failed = 0] = await store.enqueueMessages(
          [notice('李明', '5'), notice('李明', '6'), notice('李明', '7'), notice('李明', '8')],
          { at: at(3), key: 'c' },
        );
        await store.enqueueMessages([notice('李明', '9')], { at: at(9), key: 'd' });
        await store.markSent(sentAlready, at(4));
        await store.markUndeliverable(failed, at(4), 'gone');
        const row = await store.getOutbox(first);
        if (!row) {
          throw new Error('row missing');
        }

        const joined = await store.noticesToJoin(row, { until: at(5), limit: 10 });
        const capped = await store.noticesToJoin(row, { until: at(5), limit: 1 });

        expect(joined.map((r) => r.text)).toEqual(['4', '7', '8']);
        expect(capped.map((r) => r.text)).toEqual(['4']);
      });
    });

    describe('countRecords', () => {
      it('counts nothing in an empty store, with every status present', async () => {
        const counts = await store.countRecords({ unreadBefore: at(60) });

        expect(counts).toEqual({
          messages: { stored: 0, readWithTicket: 0, readWithoutTicket: 0, unread: 0 },
          ticketsByStatus: {
            ...{ open: 0, accepted: 0, resolved: 0, closed: 0 },
            ...{ returned: 0, merged: 0, cancelled: 0 },
          },
          outbox: { unsent: 0, oldestUnsentAt: null, undeliverable: 0 },
        });
      });

      it('counts messages by outcome, tickets by status and unsent replies with the oldest one', async () => {
        for (const [key, minute] of [
          ['m1', 0],
          ['m2', 1],
          ['m3', 2],
          ['late', 30],
        ] as const) {
          await store.recordMessage(seenMessage({ key, receivedAt: at(minute) }));
        }
        await store.createTicket(newTicket(), {
          messageKey: 'm1',
          event: createdEvent(3),
          outbox: [reply('已受理')],
        });
        await store.settleMessage('m2', { ticketNumber: null, intent: 'chatter', handledAt: at(4) }, []);
        const second = await create(store);
        await store.change(second.ticket.number, {
          event: { at: at(5), actor: '李明', type: 'accept', detail: '接单' },
          patch: { status: 'accepted' },
        });
        const [digest, lost] = await store.enqueueMessages([reply('日报'), reply('无处可送')], {
          at: at(6),
          key: 'digest',
        });
        await store.markSent(second.outboxIds[0] ?? 0, at(7));
        await store.markUndeliverable(lost ?? 0, at(7), 'no such room');

        const counts = await store.countRecords({ unreadBefore: at(10) });

        expect(counts.messages).toEqual({ stored: 4, readWithTicket: 1, readWithoutTicket: 1, unread: 1 });
        expect(counts.ticketsByStatus).toMatchObject({ open: 1, accepted: 1, closed: 0 });
        // the first ticket's reply (minute 3) and the digest wait; the second ticket's went out
        expect(counts.outbox).toEqual({ unsent: 2, oldestUnsentAt: at(3), undeliverable: 1 });
        expect(digest).toBeGreaterThan(0);
        expect((await store.countRecords({ unreadBefore: at(31) })).messages.unread).toBe(2);
      });
    });

    describe('listTickets', () => {
      it('filters by status, grid, body, assignee, reporter, building and creation time', async () => {
        await create(store, { grid: 'g1', assignees: ['李明'], createdAt: at(0) });
        await create(store, { grid: 'g2', body: 'committee', reporter: '陈大爷', createdAt: at(10) });
        await create(store, {
          location: { compound: null, building: 7, unit: null, room: null, landmark: null },
        });
        await store.change(3, { event: noteEvent('撤回'), patch: { status: 'cancelled' } });
        const numbers = async (filter: Parameters<TicketStore['listTickets']>[0]) =>
          (await store.listTickets(filter)).map((t) => t.number);

        expect(await numbers({})).toEqual([1, 2, 3]);
        expect(await numbers({ statuses: ['cancelled'] })).toEqual([3]);
        expect(await numbers({ statuses: [] })).toEqual([]);
        expect(await numbers({ grid: 'g2' })).toEqual([2]);
        expect(await numbers({ body: 'committee' })).toEqual([2]);
        expect(await numbers({ assignee: '李明' })).toEqual([1]);
        expect(await numbers({ reporter: '陈大爷' })).toEqual([2]);
        expect(await numbers({ building: 7 })).toEqual([3]);
        expect(await numbers({ createdFrom: at(5), createdTo: at(11) })).toEqual([2]);
        expect(await numbers({ createdTo: at(10) })).toEqual([1, 3]);
      });
    });

    it('passes the audit of an empty store', async () => {
      expect(await store.verifyAudit()).toEqual({ ok: true, tickets: 0, events: 0 });
    });

    it('still creates a ticket for a message key that was never recorded', async () => {
      const input = { messageKey: 'never-seen', event: createdEvent(), outbox: [] };

      const result = await store.createTicket(newTicket(), input);

      expect(result).toMatchObject({ created: true, ticket: { number: 1 } });
      expect(await store.getMessage('never-seen')).toBeUndefined();
    });

    describe('verifyAudit', () => {
      beforeEach(async () => {
        await create(store);
        await store.change(1, { event: noteEvent('接单'), patch: { status: 'accepted' } });
        await store.change(1, { event: noteEvent('进展', 2), patch: {} });
        await create(store);
        await store.change(2, { event: noteEvent('接单', 3), patch: { status: 'accepted' } });
      });

      it('passes on an untouched store', async () => {
        expect(await store.verifyAudit()).toEqual({ ok: true, tickets: 2, events: 5 });
      });

      it('names the event whose detail was edited in SQL', async (ctx) => {
        if (!harness.tamper) {
          return ctx.skip();
        }

        await harness.tamper(`update ticket_events set detail = '改过' where ticket_number = 1 and seq = 2`);

        expect(await store.verifyAudit()).toEqual({
          ok: false,
          ticketNumber: 1,
          seq: 2,
          reason: 'event hash mismatch',
        });
      });

      it('names the ticket whose row was edited in SQL', async (ctx) => {
        if (!harness.tamper) {
          return ctx.skip();
        }

        await harness.tamper(`update tickets set status = 'closed' where number = 2`);

        expect(await store.verifyAudit()).toEqual({
          ok: false,
          ticketNumber: 2,
          seq: 2,
          reason: 'ticket row differs from its last event',
        });
      });

      it('names the event that was deleted in SQL', async (ctx) => {
        if (!harness.tamper) {
          return ctx.skip();
        }

        await harness.tamper('delete from ticket_events where ticket_number = 1 and seq = 2');

        expect(await store.verifyAudit()).toEqual({
          ok: false,
          ticketNumber: 1,
          seq: 2,
          reason: 'event missing',
        });
      });

      it('notices when the last event of the log was deleted', async (ctx) => {
        if (!harness.tamper) {
          return ctx.skip();
        }

        await harness.tamper('delete from ticket_events where ticket_number = 2 and seq = 2');

        expect(await store.verifyAudit()).toEqual({
          ok: false,
          ticketNumber: 2,
          seq: 2,
          reason: 'chain broken: last event missing',
        });
      });
    });
  });
}
