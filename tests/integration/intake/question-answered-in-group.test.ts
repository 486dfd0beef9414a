import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, eventTypes, GROUP, HOUR } from './intake-test-kit.js';

const QUESTION = '请问今年社区的书法班还开吗？在哪儿报名';

describe('a question a handler answers in the group', () => {
  const bot = clockedAppPerTest();

  async function askedQuestion() {
    await bot.app.say({ from: '王阿姨', room: GROUP, text: QUESTION });
    const [question] = await bot.app.tickets.listTickets();
    expect(question?.intent).toBe('inquiry');
    bot.clock.advance(HOUR);
    return question;
  }

  it('is answered as 答复 would answer it: resolved with the words, the asker asked to confirm, then closed by 满意', async () => {
    const question = await askedQuestion();
    const handler = question?.assignees[0] ?? '';
    const before = bot.app.sent.length;
    await bot.app.say({
      from: handler,
      room: GROUP,
      text: '@王阿姨 书法班下周二恢复，到居委会二楼活动室报名',
    });

    const answered = await bot.app.tickets.getTicket(1);
    expect(answered?.status).toBe('resolved');
    expect(answered?.evidence.map((e) => e.ref)).toEqual(['书法班下周二恢复，到居委会二楼活动室报名']);
    expect(await eventTypes(bot.app, 1)).toEqual(['created', 'accept', 'resolve', 'confirmation_requested']);
    const asked = bot.app.sent.slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ room: GROUP, mentions: ['王阿姨'] });
    expect(asked[0]?.text).toContain('#1');
    expect(asked[0]?.text).toContain('满意');

    await bot.app.say({ from: '王阿姨', room: GROUP, text: '满意' });
    expect((await bot.app.tickets.getTicket(1))?.status).toBe('closed');
  });

  it('is only recorded as a reply when the words are too few to answer, or come from someone who does not handle it', async () => {
    const question = await askedQuestion();
    await bot.app.say({ from: question?.assignees[0] ?? '', room: GROUP, text: '@王阿姨 好' });
    await bot.app.say({ from: '杨帆', room: GROUP, text: '@王阿姨 书法班好像下周二恢复' });

    const t = await bot.app.tickets.getTicket(1);
    expect(t?.status).toBe('open');
    expect((await eventTypes(bot.app, 1)).filter((e) => e === 'staff_replied')).toHaveLength(2);
  });
});
