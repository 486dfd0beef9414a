import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimulatedClock } from '../../../src/clock/clock.js';
import type { ChatApp } from '../../helpers/inline-app.js';
import { newSampleTicket } from '../../helpers/ticket-builder.js';
import { closeTicket, DAY, eventTypes, GROUP, HOUR, startClockedApp } from './intake-test-kit.js';

describe('a report of a known problem joins or reopens its ticket', () => {
  let app: ChatApp;
  let clock: SimulatedClock;

  beforeEach(async () => {
    ({ app, clock } = await startClockedApp());
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
  });

  afterEach(async () => {
    await app.stop();
  });

  it('makes a second resident a co-reporter of the open ticket and says how many reported it', async () => {
    clock.advance(HOUR);
    const id = await app.say({ from: '陈大爷', room: GROUP, text: '3号楼的电梯怎么又停了，只能爬楼' });
    await app.redeliver(id);
    await app.settle();

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.coReporters).toEqual(['陈大爷']);
    expect((await eventTypes(app, 1)).filter((t) => t === 'co_reporter_added')).toHaveLength(1);
    const reply = app.sent.filter((m) => m.room === GROUP && m.mentions.includes('陈大爷'));
    expect(reply).toHaveLength(1);
    expect(reply[0]?.text).toContain('#1');
    expect(reply[0]?.text).toContain('已有2位居民反映');
    const notices = app.sent.filter((m) => m.to === '李明' && m.text.includes('又有居民反映'));
    expect(notices.map((m) => m.text)).toEqual([expect.stringContaining('#1')]);
  });

  it('does not count the reporter twice: saying it again adds to their ticket, asking again chases it', async () => {
    clock.advance(2 * HOUR);
    const before = app.sent.length;
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });

    const [ticket] = await app.tickets.listTickets();
    expect(ticket?.coReporters).toEqual([]);
    expect(await app.tickets.listTickets()).toHaveLength(1);
    expect(await eventTypes(app, 1)).toContain('supplemented');
    expect(await eventTypes(app, 1)).not.toContain('follow_up');
    const told = app.sent.slice(before);
    expect(told.find((m) => m.room === GROUP && m.mentions.includes('王阿姨'))?.text).toContain(
      '已记入工单 #1',
    );
    expect(told.some((m) => m.to === '李明' && m.text.includes('补充'))).toBe(true);

    clock.advance(2 * HOUR);
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯怎么还没人来修' });
    expect(await eventTypes(app, 1)).toContain('follow_up');
    expect(await app.tickets.listTickets()).toHaveLength(1);
  });

  it('opens a new ticket for another category at the same building', async () => {
    clock.advance(HOUR);
    await app.say({ from: '陈大爷', room: GROUP, text: '3号楼楼道里的灯坏了，晚上黑漆漆的' });

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(2);
    expect(tickets[1]).toMatchObject({ reporter: '陈大爷', location: { building: 3 } });
    expect(tickets[0]?.coReporters).toEqual([]);
  });

  it('opens a new ticket when the open one is older than the merge window', async () => {
    clock.advance(73 * HOUR);
    await app.say({ from: '陈大爷', room: GROUP, text: '3号楼的电梯怎么又停了，只能爬楼' });

    expect(await app.tickets.listTickets()).toHaveLength(2);
  });

  it('reopens a ticket closed within 30 days when the problem comes back, and tells its assignees', async () => {
    clock.advance(DAY);
    await closeTicket(app, clock, 1);
    clock.advance(10 * DAY);
    const sentBefore = app.sent.length;

    await app.say({ from: '陈大爷', room: GROUP, text: '3号楼的电梯又坏了，修了没几天' });

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ status: 'accepted', reopenCount: 1, coReporters: ['陈大爷'] });
    expect((await eventTypes(app, 1)).slice(-2)).toEqual(['reopen', 'recurrence']);
    const after = app.sent.slice(sentBefore);
    const toReporter = after.find((m) => m.room === GROUP && m.mentions.includes('陈大爷'));
    expect(toReporter?.text).toContain('重新打开 #1');
    const told = after.filter((m) => m.room === null && m.text.includes('【复发】工单 #1'));
    expect(told.map((m) => m.to)).toEqual(['李明', '魏经理']);
  });

  it('opens a new ticket when the closure is more than 30 days old', async () => {
    clock.advance(DAY);
    await closeTicket(app, clock, 1);
    clock.advance(31 * DAY);

    await app.say({ from: '陈大爷', room: GROUP, text: '3号楼的电梯又坏了，修了没几天' });

    const tickets = await app.tickets.listTickets();
    expect(tickets.map((t) => t.status)).toEqual(['closed', 'open']);
    expect(await eventTypes(app, 1)).not.toContain('recurrence');
  });
});

describe('two workers reading the same problem at once', () => {
  let app: ChatApp;
  let clock: SimulatedClock;

  beforeEach(async () => {
    ({ app, clock } = await startClockedApp());
  });

  afterEach(async () => {
    await app.stop();
  });

  it('joins the ticket another worker opened after this message was read, instead of opening a second', async () => {
    // another worker opens 王阿姨's report of the same lift just after this worker looked for an open one
    const look = vi.spyOn(app.tickets, 'ticketsAtPlace');
    look.mockImplementationOnce(async () => {
      await app.tickets.createTicket(
        newSampleTicket({ createdAt: clock.now(), text: '3号楼电梯又坏了，老人下不了楼' }),
        {
          messageKey: null,
          event: { at: clock.now(), actor: '王阿姨', type: 'created', detail: '' },
          outbox: [],
        },
      );
      return [];
    });

    await app.say({ from: '陈大爷', room: GROUP, text: '3号楼的电梯怎么又停了，只能爬楼' });

    expect(look).toHaveBeenCalled();
    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.coReporters).toEqual(['陈大爷']);
    const reply = app.sent.filter((m) => m.room === GROUP && m.mentions.includes('陈大爷'));
    expect(reply.map((m) => m.text)).toEqual([expect.stringContaining('#1')]);
  });
});
