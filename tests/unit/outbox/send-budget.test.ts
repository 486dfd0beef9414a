import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { SendBudget } from '../../../src/outbox/send-budget.js';
import type { SendClass } from '../../../src/tickets/outbox.js';

const start = () => new SimulatedClock(new Date('2026-11-30T09:00:00+08:00'));

/** Sends messages of a class as soon as the budget lets them go; the send times. */
function drain(budget: SendBudget, clock: SimulatedClock, sendClass: SendClass, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    clock.set(budget.nextSlot(sendClass));
    budget.take();
    times.push(clock.now().getTime());
  }
  return times;
}

describe('SendBudget', () => {
  it('lets routine notices fill the minute up to 14 of 20, notices 16, replies 18, emergencies all 20', () => {
    const budget = new SendBudget(start(), 20);

    expect(['routine', 'notice', 'reply', 'emergency'].map((c) => budget.ceiling(c as SendClass))).toEqual([
      14, 16, 18, 20,
    ]);
  });

  it('holds a notice once 16 went in the minute but lets an emergency go at once', () => {
    const clock = start();
    const budget = new SendBudget(clock, 20);
    drain(budget, clock, 'notice', 16);

    expect(budget.nextSlot('notice').getTime()).toBe(clock.now().getTime() + 60_000);
    expect(budget.nextSlot('reply').getTime()).toBe(clock.now().getTime());
    expect(budget.nextSlot('emergency').getTime()).toBe(clock.now().getTime());
  });

  it('never lets more than the limit go in any minute, whatever the classes', () => {
    const clock = start();
    const budget = new SendBudget(clock, 20);
    const times: number[] = [];

    for (let i = 0; i < 90; i++) {
      clock.advance(i % 7 === 0 ? 5_000 : 100);
      times.push(...drain(budget, clock, (['emergency', 'reply', 'notice'] as const)[i % 3] ?? 'reply', 1));
    }

    for (const [i, first] of times.entries()) {
      expect(times.slice(i).filter((t) => t < first + 60_000).length).toBeLessThanOrEqual(20);
    }
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('sends at once again after a quiet minute', () => {
    const clock = start();
    const budget = new SendBudget(clock, 2);
    drain(budget, clock, 'emergency', 2);

    clock.advance(61_000);

    expect(budget.nextSlot('notice').getTime()).toBe(clock.now().getTime());
  });

  it('keeps one send a minute for each class on a small budget', () => {
    const budget = new SendBudget(start(), 1);

    expect(budget.ceiling('notice')).toBe(1);
  });

  it('counts the sends a process made before a restart: the new one waits out that minute', () => {
    const clock = start();
    const before = new SendBudget(clock, 20);
    const sent = drain(before, clock, 'emergency', 20).map((t) => new Date(t));
    clock.advance(10_000);

    const restarted = new SendBudget(clock, 20);
    restarted.remember([new Date(clock.now().getTime() - 120_000), ...sent]);

    // the first of the 20 leaves the window 60 s after it went, not 60 s after the restart
    expect(restarted.nextSlot('emergency').getTime()).toBe((sent[0]?.getTime() ?? 0) + 60_000);
    // a send older than the window counts for nothing
    expect(new SendBudget(clock, 1).nextSlot('notice').getTime()).toBe(clock.now().getTime());
  });
});
