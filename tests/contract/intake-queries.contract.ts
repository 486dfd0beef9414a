import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewTicket, TicketPatch } from '../../src/tickets/ticket.js';
import type { TicketStore } from '../../src/tickets/ticket-store.js';
import { createdEvent, newTicket, type StoreHarness, seenMessage } from './ticket-store.contract.js';

const T0 = new Date('2026-11-30T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const OPEN = ['open', 'accepted', 'returned'] as const;

/** The narrow queries of the intake path (TicketStore's ticketsAtPlace … engagementEvents), per adapter. */
export function describeIntakeQueries(name: string, open: () => Promise<StoreHarness>): void {
  describe(`TicketStore intake queries: ${name}`, () => {
    let harness: StoreHarness;
    let store: TicketStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.close();
    });

    async function make(fields: Partial<NewTicket>, patch: TicketPatch = {}): Promise<number> {
      const { ticket } = await store.createTicket(newTicket(fields), {
        messageKey: null,
        event: createdEvent(),
        outbox: [],
      });
      if (Object.keys(patch).length > 0) {
        await store.change(ticket.number, {
          event: { at: at(1), actor: '李明', type: 'note', detail: 'x' },
          patch,
        });
      }
      return ticket.number;
    }

    const numbers = (tickets: readonly { number: number }[]) => tickets.map((t) => t.number);

    it('finds tickets at a building, a landmark, a compound or anywhere in it, of the given categories, newest first', async () => {
      await make({ location: { compound: '幸福里一区', building: 3, unit: 1, room: null, landmark: null } });
      await make({ location: { compound: '锦苑', building: 3, unit: null, room: null, landmark: null } });
      await make({
        location: { compound: '幸福里一区', building: null, unit: null, room: null, landmark: '东门' },
      });
      await make({
        location: { compound: '幸福里一区', building: null, unit: null, room: null, landmark: null },
      });
      await make({ category: 'noise' });
      const query = { categories: ['elevator'] as const, statuses: OPEN, createdFrom: T0, limit: 5 };

      const building = await store.ticketsAtPlace({ ...query, place: { building: 3 } });
      const landmark = await store.ticketsAtPlace({ ...query, place: { building: null, landmark: '东门' } });
      const compound = await store.ticketsAtPlace({
        ...query,
        place: { building: null, landmark: null, compound: '幸福里一区' },
      });
      const area = await store.ticketsAtPlace({ ...query, place: { area: '幸福里一区' } });
      const areaGrievances = await store.ticketsAtPlace({
        ...query,
        place: { area: '幸福里一区' },
        intents: ['grievance'],
      });
      const areaEmergencies = await store.ticketsAtPlace({
        ...query,
        place: { area: '幸福里一区' },
        intents: ['emergency'],
      });
      const later = await store.ticketsAtPlace({ ...query, place: { building: 3 }, createdFrom: at(1) });
      const one = await store.ticketsAtPlace({ ...query, place: { building: 3 }, limit: 1 });

      expect(numbers(building)).toEqual([2, 1]);
      expect(numbers(landmark)).toEqual([3]);
      expect(numbers(compound)).toEqual([4]);
      // anywhere in the compound: at a building, a landmark or neither (a supply the compound shares)
      expect(numbers(area)).toEqual([4, 3, 1]);
      expect(numbers(areaGrievances)).toEqual([4, 3, 1]);
      expect(areaEmergencies).toEqual([]);
      expect(later).toEqual([]);
      expect(numbers(one)).toEqual([2]);
    });

    it('finds closed tickets at a place by their latest closure since a time', async () => {
      await make({}, { status: 'closed', closedAt: at(10) });
      await make({}, { status: 'closed', closedAt: at(30) });
      await make({}, { status: 'closed', closedAt: at(20) });
      await make({});
      const query = {
        place: { building: 3 },
        categories: ['elevator'] as const,
        statuses: ['closed'] as const,
      };

      const since = await store.ticketsAtPlace({ ...query, closedFrom: at(15), limit: 5 });

      expect(numbers(since)).toEqual([2, 3]);
    });

    it('finds recent tickets of an intent in the same room, by id where both know it, else by name', async () => {
      await make({ intent: 'emergency', roomId: 'room-1' });
      await make({ intent: 'emergency', roomId: null, room: '幸福里一区业主群' });
      await make({ intent: 'emergency', roomId: 'room-2', room: '幸福里一区业主群' });
      await make({ intent: 'grievance', roomId: 'room-1' });
      const query = { statuses: OPEN, createdFrom: T0, intent: 'emergency' as const, limit: 5 };

      const inRoom = await store.recentTickets({
        ...query,
        sameRoomAs: { roomId: 'room-1', room: '幸福里一区业主群' },
      });
      const byName = await store.recentTickets({
        ...query,
        sameRoomAs: { roomId: null, room: '幸福里一区业主群' },
      });
      const anywhere = await store.recentTickets(query);

      expect(numbers(inRoom)).toEqual([2, 1]);
      expect(numbers(byName)).toEqual([3, 2, 1]);
      expect(numbers(anywhere)).toEqual([3, 2, 1]);
    });

    it("finds a person's tickets as reporter or co-reporter, by id before name, in a room or privately", async () => {
      await make({ reporter: '王阿姨', reporterId: 'wxid-wang', roomId: 'room-1' });
      await make({ reporter: '王阿姨', reporterId: 'wxid-impostor', roomId: 'room-1' });
      await make({ reporter: '王阿姨', reporterId: null, roomId: null });
      await make(
        { reporter: '陈大爷', reporterId: 'wxid-chen', roomId: 'room-1' },
        {
          coReporters: ['王阿姨'],
          coReporterIds: ['wxid-wang'],
        },
      );
      await make(
        { reporter: '陈大爷', reporterId: 'wxid-chen', roomId: 'room-1' },
        {
          coReporters: ['王阿姨'],
          coReporterIds: ['wxid-impostor'],
        },
      );
      await make({ reporter: '王阿姨', reporterId: 'wxid-wang', roomId: 'room-2' });
      await make({ reporter: '王阿姨', reporterId: 'wxid-wang' }, { status: 'closed' });
      const person = { id: 'wxid-wang', name: '王阿姨' };

      const inRoom = await store.ticketsOfPerson({
        person,
        statuses: OPEN,
        reportedInOrPrivately: 'room-1',
        limit: 9,
      });
      const anywhere = await store.ticketsOfPerson({ person, statuses: OPEN, limit: 9 });
      const latest = await store.ticketsOfPerson({ person, statuses: OPEN, limit: 1 });

      expect(numbers(inRoom)).toEqual([4, 3, 1]);
      expect(numbers(anywhere)).toEqual([6, 4, 3, 1]);
      expect(numbers(latest)).toEqual([6]);
    });

    it("finds an assignee's resolved and recently closed tickets in a room, else their latest there", async () => {
      await make({ assignees: ['李明'] }, { status: 'resolved' });
      await make({ assignees: ['李明', '魏经理'] }, { status: 'closed', closedAt: at(50) });
      await make({ assignees: ['李明'] }, { status: 'closed', closedAt: at(5) });
      await make({ assignees: ['李明华'] }, { status: 'resolved' });
      await make({ assignees: ['李明'], roomId: 'room-2' }, { status: 'resolved' });
      await make({ assignees: ['李明'] });
      const mine = { assignee: '李明', roomId: 'room-1' };

      const rated = await store.ticketsAssignedTo({
        ...mine,
        statuses: ['resolved', 'closed'],
        closedFrom: at(10),
        limit: 9,
      });
      const latest = await store.ticketsAssignedTo({ ...mine, limit: 1 });
      const none = await store.ticketsAssignedTo({ assignee: '张伟', roomId: 'room-1', limit: 1 });

      expect(numbers(rated)).toEqual([2, 1]);
      expect(numbers(latest)).toEqual([6]);
      expect(none).toEqual([]);
    });

    it('finds resource engagements made since a time or on tickets still holding them', async () => {
      const engage = (n: number, minutes: number) =>
        store.change(n, {
          event: { at: at(minutes), actor: '李明', type: 'resource_engaged', detail: '{"resource":"r"}' },
          patch: {},
        });
      await make({});
      await make({}, { status: 'closed', closedAt: at(2) });
      await make({}, { status: 'closed', closedAt: at(2) });
      await engage(1, 1);
      await engage(2, 1);
      await engage(3, 100);

      const events = await store.engagementEvents({ since: at(60), holding: OPEN });

      expect(events.map((e) => [e.ticketNumber, e.ticketStatus]).sort()).toEqual([
        [1, 'open'],
        [3, 'closed'],
      ]);
    });

    it("reads a sender's window with each message's outcome, the latest ones when limited", async () => {
      for (const [i, key] of ['a', 'b', 'c'].entries()) {
        await store.recordMessage(seenMessage({ key, sentAt: at(i + 1), text: key }));
      }
      const outcome = { ticketNumber: null, intent: 'chatter', handledAt: at(5) };
      await store.settleMessage('b', outcome, []);

      const window = await store.recentMessages({ senderId: 'wxid-wang', roomId: 'room-1', since: T0 });
      const latest = await store.recentMessages({
        senderId: 'wxid-wang',
        roomId: 'room-1',
        since: T0,
        limit: 2,
      });

      expect(window.map((m) => [m.key, m.outcome])).toEqual([
        ['a', null],
        ['b', outcome],
        ['c', null],
      ]);
      expect(latest.map((m) => m.key)).toEqual(['b', 'c']);
    });
  });
}
