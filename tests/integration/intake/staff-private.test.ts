import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../../src/clock/clock.js';
import type { ChatApp } from '../../helpers/inline-app.js';
import { GROUP, HOUR, startClockedApp } from './intake-test-kit.js';

describe('a staff member’s private text that is not a command', () => {
  let app: ChatApp;
  let clock: SimulatedClock;

  beforeEach(async () => {
    ({ app, clock } = await startClockedApp());
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼电梯又坏了，老人下不了楼' });
    clock.advance(HOUR);
  });

  afterEach(async () => {
    await app.stop();
  });

  it.each(['加急 1 老人等着用电梯', '接丹 1', '楼道灯坏了好几天了，麻烦处理'])(
    'answers "%s" from the grid worker with the way to 帮助 and opens no ticket',
    async (text) => {
      const sentBefore = app.sent.length;

      await app.say({ from: '李明', room: null, text });
      await app.settle();

      expect(await app.tickets.listTickets()).toHaveLength(1);
      const answers = app.sent.slice(sentBefore);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ to: '李明', room: null });
      expect(answers[0]?.text).toContain('帮助');
      expect(answers[0]?.text).not.toMatch(/工单号|已收到您反映/);
    },
  );

  it('still reads the same words from a resident in private as a request', async () => {
    await app.say({ from: '陈大爷', room: null, text: '5号楼楼道灯坏了好几天了，麻烦处理' });
    await app.settle();

    expect(await app.tickets.listTickets()).toHaveLength(2);
  });
});
