import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, eventTypes, GROUP } from './intake-test-kit.js';

const MINUTE = 60_000;

describe('an emergency called off twice', () => {
  const bot = clockedAppPerTest();

  it('alerts everyone once; a further all-clear is recorded and goes to the handlers only, unhurried', async () => {
    const { app, clock } = bot;
    await app.say({ from: '王阿姨', room: GROUP, text: '5号楼有人煤气中毒了快来人' });
    const [ticket] = await app.tickets.listTickets();
    expect(ticket?.intent).toBe('emergency');
    clock.advance(5 * MINUTE);
    await app.say({ from: '王阿姨', room: GROUP, text: '虚惊一场 是邻居家在熏腊肉 人没事' });
    clock.advance(5 * MINUTE);
    const before = app.sent.length;
    await app.say({ from: '王阿姨', room: GROUP, text: '人好好的 已经回家了 没事了 谢谢大家' });

    expect((await eventTypes(app, 1)).filter((t) => t === 'all_clear')).toHaveLength(2);
    const calledOff = app.sent.filter((m) => m.text.startsWith('【解除】'));
    const told = calledOff.map((m) => m.to);
    expect(told.length).toBeGreaterThan(2);
    expect(new Set(told).size).toBe(told.length);
    expect(calledOff.every((m) => m.sendClass === 'emergency')).toBe(true);
    const after = app.sent.slice(before);
    expect(after.filter((m) => m.text.startsWith('【解除】'))).toEqual([]);
    // the handlers hear the words in their next batch; no one else, and no second answer in the group
    expect(after.map((m) => m.to).sort()).toEqual([...(ticket?.assignees ?? [])].sort());
    expect(after.every((m) => m.sendClass !== 'emergency')).toBe(true);
  });
});
