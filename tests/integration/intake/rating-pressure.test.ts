import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../../src/clock/clock.js';
import type { ChatApp } from '../../helpers/inline-app.js';
import { eventTypes, GROUP, HOUR, resolveTicket, startClockedApp } from './intake-test-kit.js';

describe('staff pressing residents for a good rating', () => {
  let app: ChatApp;
  let clock: SimulatedClock;

  beforeEach(async () => {
    ({ app, clock } = await startClockedApp());
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    clock.advance(HOUR);
    await resolveTicket(app, clock, 1);
    clock.advance(HOUR);
  });

  afterEach(async () => {
    await app.stop();
  });

  it.each([
    '电梯已经修好了，麻烦大家给个满意哦',
    '修好了，评价的时候选满意就行',
    '辛苦王阿姨帮忙点满意，谢谢',
  ])(
    'records "%s" as rating_pressure on the worker’s resolved ticket, with no reply and no ticket',
    async (text) => {
      const sentBefore = app.sent.length;

      const id = await app.say({ from: '李明', room: GROUP, text });
      await app.redeliver(id);
      await app.settle();

      expect((await eventTypes(app, 1)).filter((t) => t === 'rating_pressure')).toHaveLength(1);
      expect(await app.tickets.listTickets()).toHaveLength(1);
      expect(app.sent.slice(sentBefore)).toEqual([]);
    },
  );

  it('records nothing for staff chatter without pressure, and reads no request from it', async () => {
    const sentBefore = app.sent.length;

    await app.say({ from: '李明', room: GROUP, text: '通知：明天上午9点到12点停水检修，请大家提前储水' });
    await app.say({ from: '李明', room: GROUP, text: '电梯修好了，如有问题请回复满意或不满意' });

    expect(await eventTypes(app, 1)).not.toContain('rating_pressure');
    expect(await app.tickets.listTickets()).toHaveLength(1);
    expect(app.sent.slice(sentBefore)).toEqual([]);
  });

  it('does not read a resident’s own words as pressure', async () => {
    await app.say({ from: '陈大爷', room: GROUP, text: '给个好评吧，这次修得挺快' });

    expect(await eventTypes(app, 1)).not.toContain('rating_pressure');
  });
});
