import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, eventTypes, GROUP, HOUR } from './intake-test-kit.js';

const QUOTE_LINE = '- - - - - - - - - - - - - - -';

describe('staff lines in a residents’ group that answer a resident', () => {
  const bot = clockedAppPerTest();

  it('finds the ticket by a quote of its report', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(HOUR / 2);

    await bot.app.say({
      from: '魏经理',
      room: GROUP,
      text: `「王阿姨：3号楼电梯又坏了，老人下不了楼」\n${QUOTE_LINE}\n维保已经在路上了`,
    });

    expect(await eventTypes(bot.app, 1)).toContain('staff_replied');
    expect((await bot.app.tickets.getTicket(1))?.respondedAt).not.toBeNull();
    expect(await bot.app.tickets.listTickets()).toHaveLength(1);
  });

  it('matches the whole addressed name, spaces and all, and takes that resident’s latest ticket', async () => {
    await bot.app.say({ from: '锦苑 老郑头', room: GROUP, text: '5号楼门口的路灯不亮了' });
    bot.clock.advance(HOUR);
    await bot.app.say({ from: '锦苑', room: GROUP, text: '8号楼垃圾桶满了好几天没人收' });
    bot.clock.advance(HOUR);
    await bot.app.say({ from: '锦苑 老郑头', room: GROUP, text: '6号楼楼道里的灯也坏了 黑乎乎的' });
    bot.clock.advance(HOUR);
    const numbers = (await bot.app.tickets.listTickets()).map((t) => [t.reporter, t.number]);
    expect(numbers).toEqual([
      ['锦苑 老郑头', 1],
      ['锦苑', 2],
      ['锦苑 老郑头', 3],
    ]);

    await bot.app.say({ from: '魏经理', room: GROUP, text: '@锦苑 老郑头 收到，电工下午过去' });

    expect(await eventTypes(bot.app, 3)).toContain('staff_replied');
    expect(await eventTypes(bot.app, 1)).not.toContain('staff_replied');
    expect(await eventTypes(bot.app, 2)).not.toContain('staff_replied');
  });

  it('answers what the resident said last: a question asked after their report is not the report', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    bot.clock.advance(HOUR);
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '社区办公室周末几点上班？' });
    // answered from the knowledge base: no question ticket
    expect(await bot.app.tickets.listTickets()).toHaveLength(1);
    bot.clock.advance(HOUR);

    await bot.app.say({ from: '李明', room: GROUP, text: '@王阿姨 周六上午有人值班' });

    expect(await eventTypes(bot.app, 1)).not.toContain('staff_replied');
    expect((await bot.app.tickets.getTicket(1))?.respondedAt).toBeNull();
  });

  it('records an answer to an emergency’s reporter without stopping its clock, which waits for 接单', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '5号楼有人煤气中毒了快来人' });
    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket?.intent).toBe('emergency');

    await bot.app.say({ from: '李明', room: GROUP, text: '@王阿姨 我马上到 先开窗别开灯' });

    expect(await eventTypes(bot.app, 1)).toContain('staff_replied');
    expect((await bot.app.tickets.getTicket(1))?.respondedAt).toBeNull();
  });

  it('leaves a line that answers nobody with an open ticket as staff talk', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    const before = bot.app.sent.length;

    await bot.app.say({ from: '李明', room: GROUP, text: '@王阿姨2 您问的老年卡周一到居委会办' });
    await bot.app.say({ from: '李明', room: GROUP, text: '各位邻居，明天上午9点停水两小时' });

    expect(await eventTypes(bot.app, 1)).not.toContain('staff_replied');
    expect(bot.app.sent.slice(before)).toEqual([]);
    expect(await bot.app.tickets.listTickets()).toHaveLength(1);
  });
});
