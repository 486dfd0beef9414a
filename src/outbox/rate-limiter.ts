import type { Clock } from '../clock/clock.js';

const WINDOW_MS = 60_000;

/**
 * A sliding-window limit on sends per bot account, on the injected clock (so replay's simulated time
 * governs it): `reserve` books the earliest slot at which the next message may go out.
 */
export class SendRateLimiter {
  /** Booked send times, ascending. */
  private readonly slots: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number,
  ) {}

  reserve(): Date {
    let slot = Math.max(this.clock.now().getTime(), this.slots.at(-1) ?? -Infinity);
    const blocking = this.slots[this.slots.length - this.perMinute];
    if (blocking !== undefined) {
      slot = Math.max(slot, blocking + WINDOW_MS);
    }
    this.slots.push(slot);
    while (this.slots.length > this.perMinute) {
      this.slots.shift();
    }
    return new Date(slot);
  }
}
