import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { SendRateLimiter } from '../../../src/outbox/rate-limiter.js';

describe('SendRateLimiter', () => {
  it('lets the first N messages of a minute go at once and holds the next until the window frees', () => {
    const clock = new SimulatedClock(new Date('2026-11-30T09:00:00+08:00'));
    const limiter = new SendRateLimiter(clock, 3);

    const slots = Array.from({ length: 5 }, () => limiter.reserve().toISOString());

    expect(slots).toEqual([
      '2026-11-30T01:00:00.000Z',
      '2026-11-30T01:00:00.000Z',
      '2026-11-30T01:00:00.000Z',
      '2026-11-30T01:01:00.000Z',
      '2026-11-30T01:01:00.000Z',
    ]);
  });

  it('never books more than N sends in any 60 seconds', () => {
    const clock = new SimulatedClock(new Date('2026-11-30T09:00:00+08:00'));
    const limiter = new SendRateLimiter(clock, 20);
    const slots: number[] = [];

    for (let i = 0; i < 100; i++) {
      clock.advance(i % 7 === 0 ? 5_000 : 100);
      slots.push(limiter.reserve().getTime());
    }

    for (const [i, start] of slots.entries()) {
      const inWindow = slots.slice(i).filter((t) => t < start + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(20);
    }
    expect(slots).toEqual([...slots].sort((a, b) => a - b));
  });

  it('sends at once again after a quiet minute', () => {
    const clock = new SimulatedClock(new Date('2026-11-30T09:00:00+08:00'));
    const limiter = new SendRateLimiter(clock, 2);
    limiter.reserve();
    limiter.reserve();

    clock.advance(61_000);

    expect(limiter.reserve().getTime()).toBe(clock.now().getTime());
  });
});
