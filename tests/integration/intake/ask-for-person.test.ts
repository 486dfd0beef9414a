import { describe, expect, it } from 'vitest';
import { createLocalClassifier } from '../../../src/classify/local/local-classifier.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { clockedAppPerTest, GROUP, HOUR } from './intake-test-kit.js';

const QUESTION = '安居物业电话多少';

describe('a resident who turns down an answer from the knowledge base', () => {
  const bot = clockedAppPerTest();

  it('is told how to reach a person, and 「转人工」 makes the question a ticket for the topic’s liaison', async () => {
    await bot.app.say({ from: '张大姐', room: GROUP, text: QUESTION });
    const [answered] = bot.app.sent;
    expect(answered?.text).toContain('0571-86561001');
    expect(answered?.text).toContain('回复「转人工」');
    bot.clock.advance(HOUR / 4);

    const sentBefore = bot.app.sent.length;
    await bot.app.say({ from: '张大姐', room: GROUP, text: '转人工' });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket).toMatchObject({ intent: 'inquiry', text: QUESTION, reporter: '张大姐', body: 'property' });
    const after = bot.app.sent.slice(sentBefore);
    // the asker hears who will answer and by when; the property's liaison is asked to answer
    expect(after.find((m) => m.room === GROUP)?.text).toMatch(/登记为 #1.*前答复您/);
    expect(after.some((m) => m.room === null && m.text.includes('答复 1'))).toBe(true);
  });

  it('reads 「转人工」 as usual when no answer of the hour came before it', async () => {
    await bot.app.say({ from: '张大姐', room: GROUP, text: QUESTION });
    bot.clock.advance(2 * HOUR);
    await bot.app.say({ from: '张大姐', room: GROUP, text: '没答到' });
    // another resident's answer is not theirs to turn down
    await bot.app.say({ from: '李先生', room: GROUP, text: '不是我问的' });

    expect(await bot.app.tickets.listTickets()).toHaveLength(0);
  });
});

describe('a resident chasing something the bot has no ticket of', () => {
  const bot = clockedAppPerTest();

  it('asked of the bot in private, goes to a person as a question instead of a dead end', async () => {
    const text = '我上周报的那个事有人接了吗';
    // read as chasing a report (feedback), not as a question: the follow-up path is what is tested
    expect(createLocalClassifier(loadDirectory()).classifySync({ text }).intent).toBe('feedback');
    await bot.app.say({ from: '刘女士', room: null, text });

    const [ticket] = await bot.app.tickets.listTickets();
    expect(ticket).toMatchObject({ intent: 'inquiry', text, reporter: '刘女士' });
    const reply = bot.app.sent.find((m) => m.to === '刘女士' || m.mentions.includes('刘女士'));
    expect(reply?.text).toMatch(/登记为 #1.*前答复您/);
  });

  it('said in the group without an @ of the bot, stays the group’s talk', async () => {
    await bot.app.say({ from: '刘女士', room: GROUP, text: '我上周报的那个事有人接了吗' });

    expect(await bot.app.tickets.listTickets()).toHaveLength(0);
    expect(bot.app.sent).toHaveLength(0);
  });
});
