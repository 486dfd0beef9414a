import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, DAY, eventTypes, GROUP, SECOND } from './intake-test-kit.js';

describe('follow-ups, thanks and photos from residents', () => {
  const bot = clockedAppPerTest();

  it('links "还没人来修" to the sender’s open ticket, nudges the assignees and tells the resident', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(DAY);
    const sentBefore = bot.app.sent.length;

    await bot.app.say({ from: '王阿姨', room: GROUP, text: '怎么还没人来修啊' });

    expect(await bot.app.tickets.listTickets()).toHaveLength(1);
    expect(await eventTypes(bot.app, 1)).toContain('follow_up');
    const after = bot.app.sent.slice(sentBefore);
    expect(after.filter((m) => m.to === '李明' && m.text.includes('【催办】工单 #1'))).toHaveLength(1);
    expect(after.find((m) => m.room === GROUP && m.mentions.includes('王阿姨'))?.text).toContain('#1');
  });

  it('records what the reporter says of their ticket without a 催办 when it asks nothing', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(DAY);
    const before = bot.app.sent.length;

    await bot.app.say({ from: '王阿姨', room: GROUP, text: '刚才下楼试了一下电梯 停得挺平 也不响了' });

    const events = await eventTypes(bot.app, 1);
    expect(events).toContain('resident_note');
    expect(events).not.toContain('follow_up');
    const after = bot.app.sent.slice(before);
    // no answer in the group to a remark, and the handlers hear it in their next routine batch
    expect(after.filter((m) => m.room === GROUP)).toEqual([]);
    const toHandler = after.filter((m) => m.to === '李明');
    expect(toHandler.map((m) => m.text)).toEqual([expect.stringContaining('停得挺平')]);
    expect(toHandler[0]?.text).not.toContain('催办');
    expect(toHandler[0]?.sendClass).toBe('routine');
    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.text).not.toContain('停得挺平');
  });

  it('presses the handlers when the reporter says the problem is still there', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(DAY);
    const before = bot.app.sent.length;

    await bot.app.say({ from: '王阿姨', room: GROUP, text: '电梯到现在也不能用 老人天天爬楼' });

    expect(await eventTypes(bot.app, 1)).toContain('follow_up');
    expect(await bot.app.tickets.listTickets()).toHaveLength(1);
    const after = bot.app.sent.slice(before);
    expect(after.filter((m) => m.to === '李明' && m.text.includes('【催办】工单 #1'))).toHaveLength(1);
  });

  it('reads the problem still there as a report from someone with no ticket of it', async () => {
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '5号楼楼道的灯到现在还不亮，晚上黑漆漆的' });

    const tickets = await bot.app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ reporter: '陈大爷', location: { building: 5 } });
  });

  it('links a private follow-up to the ticket reported in a group', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(DAY);

    await bot.app.say({ from: '王阿姨', room: null, text: '上次报的电梯修好了吗' });

    expect(await eventTypes(bot.app, 1)).toContain('follow_up');
    expect(bot.app.sent.find((m) => m.to === '王阿姨')?.text).toContain('#1');
  });

  it('says nothing to a follow-up in the group when the sender has no open ticket', async () => {
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '还没人来' });

    expect(bot.app.sent).toEqual([]);
    expect(await bot.app.tickets.listTickets()).toEqual([]);
  });

  it('leaves thanks alone: no reply, no ticket, no event', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(DAY);
    const sentBefore = bot.app.sent.length;

    await bot.app.say({ from: '王阿姨', room: GROUP, text: '谢谢，已经修好了' });

    const toResident = bot.app.sent.slice(sentBefore).filter((m) => m.room === GROUP || m.to === '王阿姨');
    expect(toResident).toEqual([]);
    expect(await eventTypes(bot.app, 1)).not.toContain('follow_up');
    expect(await bot.app.tickets.listTickets()).toHaveLength(1);
  });

  it('attaches the reporter’s photos sent within the window as evidence, acknowledging the first once', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(30 * SECOND);
    const sentBefore = bot.app.sent.length;

    await bot.app.say({ from: '王阿姨', room: GROUP, image: 'lift.jpg' });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.evidence).toEqual([
      expect.objectContaining({ kind: 'photo', ref: expect.stringMatching(/-lift\.jpg$/), by: '王阿姨' }),
    ]);
    expect(await eventTypes(bot.app, 1)).toContain('evidence_added');
    expect(bot.app.sent.slice(sentBefore)).toEqual([
      expect.objectContaining({
        room: GROUP,
        mentions: ['王阿姨'],
        text: expect.stringContaining('照片收到了，已补充到工单 #1'),
      }),
    ]);

    // a second photo of the series is kept without another answer
    bot.clock.advance(10 * SECOND);
    await bot.app.say({ from: '王阿姨', room: GROUP, image: 'lift-2.jpg' });
    expect((await bot.app.tickets.listTickets())[0]?.evidence).toHaveLength(2);
    expect(bot.app.sent.slice(sentBefore)).toHaveLength(1);
  });

  it('does not attach a photo sent after the window', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(5 * 60 * SECOND);

    await bot.app.say({ from: '王阿姨', room: GROUP, image: 'lift.jpg' });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.evidence).toEqual([]);
  });

  it('does not attach another resident’s photo', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(10 * SECOND);

    await bot.app.say({ from: '陈大爷', room: GROUP, image: 'lift.jpg' });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.evidence).toEqual([]);
  });
});
