import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { createLookAhead } from '../../../src/intake/look-ahead.js';
import type { ClassifyInput } from '../../../src/labels/classification.js';

const WINDOW_MS = 60_000;
const group = (senderId: string) => ({ roomId: 'room:一区', room: '幸福里一区业主群', senderId });

describe('reading messages ahead as they arrive', () => {
  it('starts a sender’s first line of the window, not the lines that follow it, and again after the window', () => {
    const started: string[] = [];
    const clock = new SimulatedClock(new Date('2026-12-07T09:00:00+08:00'));
    const lookAhead = createLookAhead(
      { lookAhead: (input: ClassifyInput) => started.push(input.text) },
      clock,
      WINDOW_MS,
    );
    const say = (senderId: string, text: string, afterMs = 0) => {
      clock.set(new Date(clock.now().getTime() + afterMs));
      lookAhead(group(senderId), { text });
    };

    say('王阿姨', '3号楼');
    say('王阿姨', '电梯又坏了', 10_000);
    say('陈大爷', '楼道灯不亮', 1_000);
    say('王阿姨', '还没人来', 5 * 60_000);
    lookAhead({ roomId: null, room: null, senderId: '王阿姨' }, { text: '私聊：电梯的事' });

    expect(started).toEqual(['3号楼', '楼道灯不亮', '还没人来', '私聊：电梯的事']);
  });

  it('does nothing with a classifier that has nothing to start', () => {
    const clock = new SimulatedClock(new Date('2026-12-07T09:00:00+08:00'));
    const lookAhead = createLookAhead({}, clock, WINDOW_MS);
    expect(() => lookAhead(group('王阿姨'), { text: '3号楼电梯坏了' })).not.toThrow();
  });
});
