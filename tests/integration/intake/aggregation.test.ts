import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, eventTypes, GROUP, SECOND } from './intake-test-kit.js';

describe('messages of one sender within the aggregation window are one request', () => {
  const bot = clockedAppPerTest();

  it('reads "3号楼" and "电梯又坏了" 20 s apart as one ticket about building 3', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼' });
    bot.clock.advance(20 * SECOND);
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '电梯又坏了' });

    const tickets = await bot.app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ category: 'elevator', location: { building: 3 }, reporter: '王阿姨' });
    expect(tickets[0]?.text).toBe('3号楼，电梯又坏了');
    expect(bot.app.sent.filter((m) => m.room === GROUP)).toHaveLength(1);
  });

  it('records a burst of additions on the ticket but tells the assignees once; chatter in the window stays out', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    const before = bot.app.sent.length;
    for (const text of ['在2单元', '今天天气不错', '电梯按钮按了没反应', '电梯里的灯也不亮']) {
      bot.clock.advance(15 * SECOND);
      await bot.app.say({ from: '王阿姨', room: GROUP, text });
    }

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.text).toBe('3号楼电梯又坏了，老人下不了楼，在2单元，电梯按钮按了没反应，电梯里的灯也不亮');
    const notices = bot.app.sent.slice(before).filter((m) => m.to !== null);
    expect(notices.map((m) => m.to).sort()).toEqual([...(ticket?.assignees ?? [])].sort());
    expect(notices[0]?.text).toContain('在2单元');
    expect(notices[0]?.text).toContain('查询 1');
  });

  it('keeps a 5,000-character report whole on the ticket but sends staff an excerpt, with no direction overrides', async () => {
    const long = `3号楼电梯又坏了\u202E，${'老人下不了楼，'.repeat(700)}`;
    await bot.app.say({ from: '王阿姨', room: GROUP, text: long });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.text).toBe(long.replace('\u202E', ''));
    const notices = bot.app.sent.filter((m) => m.to !== null);
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect([...notice.text].length).toBeLessThan(400);
      expect(notice.text).toContain('全文发「查询 1」');
      expect(notice.text).not.toContain('\u202E');
    }
  });

  it('reads the same two messages 2 minutes apart as separate: the ticket has no building', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼' });
    bot.clock.advance(120 * SECOND);
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '电梯又坏了' });

    const tickets = await bot.app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.location.building).toBeNull();
    expect(tickets[0]?.text).toBe('电梯又坏了');
  });

  it('does not join another sender’s message', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼' });
    bot.clock.advance(10 * SECOND);
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '电梯又坏了' });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket).toMatchObject({ reporter: '陈大爷', text: '电梯又坏了', location: { building: null } });
  });

  it('adds a follow-on message to the ticket: supplemented, text appended, no second ticket or group reply', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了' });
    bot.clock.advance(30 * SECOND);
    const sentBefore = bot.app.sent.length;
    const id = await bot.app.say({ from: '王阿姨', room: GROUP, text: '而且电梯里有股尿味，好几天没人打扫' });
    await bot.app.redeliver(id);
    await bot.app.settle();

    const tickets = await bot.app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.text).toBe('3号楼电梯又坏了，而且电梯里有股尿味，好几天没人打扫');
    expect((await eventTypes(bot.app, 1)).filter((t) => t === 'supplemented')).toHaveLength(1);
    const after = bot.app.sent.slice(sentBefore);
    expect(after.filter((m) => m.room === GROUP)).toEqual([]);
    expect(after.find((m) => m.to === '李明')?.text).toContain('#1');
  });

  it('fills in the building a follow-on message names when the grid stays the same', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '电梯又坏了，老人下不了楼' });
    bot.clock.advance(15 * SECOND);
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '是5号楼2单元' });

    const tickets = await bot.app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.location).toMatchObject({ building: 5, unit: 2, compound: '幸福里一区' });
  });

  it('opens a new ticket for a different problem with a building of its own within the window', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了' });
    bot.clock.advance(20 * SECOND);
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '还有4号楼门口的垃圾好几天没人清运了' });

    const tickets = await bot.app.tickets.listTickets();
    expect(tickets.map((t) => [t.category, t.location.building])).toEqual([
      ['elevator', 3],
      ['sanitation', 4],
    ]);
    expect(await eventTypes(bot.app, 1)).not.toContain('supplemented');
  });
});
