import type { Clock } from '../clock/clock.js';
import type { SendClass } from '../tickets/outbox.js';

/** The window a bot account's sends are counted over. */
export const SEND_WINDOW_MS = 60_000;

/** How far below the account's limit each class must stop: emergencies may use it all. */
const RANK: Record<SendClass, number> = { emergency: 0, reply: 1, notice: 2, routine: 3 };

/**
 * A bot account's sends per minute, shared by every class of message, on the injected clock (so replay's
 * simulated time governs it). Replies may fill the minute only up to a few sends short of the limit and
 * notices a few more short, so an emergency always finds a free send at once however long the backlog of
 * the others; `nextSlot` says when a message of a class may go, `take` counts one that goes now.
 */
export class SendBudget {
  /** Send times within the last window, ascending. */
  private readonly sent: number[] = [];
  private readonly headroom: number;

  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number,
    private readonly windowMs = SEND_WINDOW_MS,
  ) {
    this.headroom = Math.max(1, Math.round(perMinute / 10));
  }

  /** The most sends of this class the window may already hold for one more to go. */
  ceiling(sendClass: SendClass): number {
    return Math.max(1, this.perMinute - RANK[sendClass] * this.headroom);
  }

  /** When a message of this class may go: the clock's now when it may go at once. */
  nextSlot(sendClass: SendClass): Date {
    const now = this.clock.now().getTime();
    this.forget(now);
    const ceiling = this.ceiling(sendClass);
    const leaving = this.sent[this.sent.length - ceiling];
    return new Date(leaving === undefined ? now : Math.max(now, leaving + this.windowMs));
  }

  /** Counts sends made before this budget existed (by the process before a restart), at their times. */
  remember(times: readonly Date[]): void {
    const now = this.clock.now().getTime();
    for (const t of times.map((d) => d.getTime()).filter((t) => t <= now)) {
      const later = this.sent.findIndex((s) => s > t);
      this.sent.splice(later === -1 ? this.sent.length : later, 0, t);
    }
    this.forget(now);
  }

  /** Counts a send at the clock's now. */
  take(): void {
    const now = this.clock.now().getTime();
    this.forget(now);
    this.sent.push(now);
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? now) + this.windowMs <= now) {
      this.sent.shift();
    }
  }
}
