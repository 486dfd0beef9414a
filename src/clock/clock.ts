/** Time behind a port, so deadlines, windows and rate limits follow a simulated clock in replay. */
export interface Clock {
  now(): Date;
  /** Resolves once the clock reaches `at`; a simulated clock moves itself there (virtual time passes). */
  waitUntil(at: Date): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  waitUntil: (at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()))),
};

/** A clock moved by hand (replay, tests); it never goes backwards. */
export class SimulatedClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = Math.max(this.current, at.getTime());
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async waitUntil(at: Date): Promise<void> {
    this.set(at);
  }
}
