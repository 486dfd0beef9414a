import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, GROUP, HOUR } from './intake-test-kit.js';

describe('the class each intake message is sent in', () => {
  const bot = clockedAppPerTest();

  it('sends the staff what residents add to a ticket as notices, routine ones for a ticket of normal urgency', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    const ticket = await bot.app.tickets.getTicket(1);
    const staffClass = ticket?.urgency === 'normal' ? 'routine' : 'notice';
    bot.clock.advance(HOUR / 4);
    const before = bot.app.sent.length;
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '3号楼电梯停了，又得爬楼' });
    bot.clock.advance(HOUR);
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '电梯的事还没人来吗' });

    const after = bot.app.sent.slice(before);
    const toStaff = after.filter((m) => m.room === null);
    const toResidents = after.filter((m) => m.room !== null);
    expect(toStaff.map((m) => m.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('又有居民反映'), expect.stringContaining('【催办】')]),
    );
    expect(toStaff.length).toBeGreaterThan(1);
    expect(toStaff.every((m) => m.sendClass === staffClass)).toBe(true);
    // the residents' own answers stay replies
    expect(toResidents.length).toBeGreaterThan(0);
    expect(toResidents.every((m) => m.sendClass === 'reply')).toBe(true);
  });

  it("sends an urgent ticket's staff notices as notices and a normal one's as routine", async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '5号楼东边那盏路灯不亮了' });
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '18号楼停水一整天了，家里老人没水吃药' });
    const [normal, urgent] = [await bot.app.tickets.getTicket(1), await bot.app.tickets.getTicket(2)];
    expect([normal?.urgency, urgent?.urgency]).toEqual(['normal', 'urgent']);
    const classOf = (n: number) =>
      new Set(
        bot.app.sent.filter((m) => m.room === null && m.text.includes(`#${n}`)).map((m) => m.sendClass),
      );
    expect(classOf(1)).toEqual(new Set(['routine']));
    expect(classOf(2)).toEqual(new Set(['notice']));

    // what a command tells staff about a ticket goes by the same rule: the reporters' supplements
    const before = bot.app.sent.length;
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '补充 1 晚上八点以后一直是黑的' });
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '补充 2 三楼以上一滴水都没有' });
    const supplements = bot.app.sent.slice(before).filter((m) => m.room === null);
    const supplementClass = (n: number) =>
      new Set(supplements.filter((m) => m.text.includes(`#${n}`)).map((m) => m.sendClass));
    expect(supplementClass(1)).toEqual(new Set(['routine']));
    expect(supplementClass(2)).toEqual(new Set(['notice']));
  });

  it('sends the handlers what the group says about an open emergency before all else, the supervisors in their next batch', async () => {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: '5号楼3单元着火了！好多烟，快来人' });
    const ticket = await bot.app.tickets.getTicket(1);
    const before = bot.app.sent.length;
    await bot.app.say({ from: '陈大爷', room: GROUP, text: '5号楼那边烟越来越大了，楼上还有老人没下来' });

    const scene = bot.app.sent.slice(before).filter((m) => m.text.includes('【现场】'));
    const handlers = scene.filter((m) => ticket?.assignees.includes(m.to ?? ''));
    const others = scene.filter((m) => !ticket?.assignees.includes(m.to ?? ''));
    expect(handlers.map((m) => m.to).sort()).toEqual([...(ticket?.assignees ?? [])].sort());
    expect(handlers.every((m) => m.sendClass === 'emergency')).toBe(true);
    // the supervisors were alerted when it was reported; the scene reaches them too, batched
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((m) => m.sendClass === 'notice')).toBe(true);
  });
});
