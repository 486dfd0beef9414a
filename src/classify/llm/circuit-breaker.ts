export type CircuitState = 'closed' | 'open' | 'half_open';

export type CircuitBreakerOptions = {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through. */
  cooldownMs?: number;
  now?: () => number;
};

export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_COOLDOWN_MS = 60_000;

/**
 * Stops calling a failing endpoint: after N consecutive failures it opens for a cool-down, then lets one
 * trial call through (half-open); a success closes it, a failure opens it for another cool-down.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    this.cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) {
      return 'closed';
    }
    return this.now() - this.openedAt >= this.cooldownMs ? 'half_open' : 'open';
  }

  /** Milliseconds until a trial call is allowed; 0 when calls may go out now. */
  retryInMs(): number {
    if (this.openedAt === null) {
      return 0;
    }
    return Math.max(0, this.openedAt + this.cooldownMs - this.now());
  }

  /** Whether a call may go out now; in half-open state only the first caller gets the trial. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') {
      return true;
    }
    if (state === 'open' || this.trialInFlight) {
      return false;
    }
    this.trialInFlight = true;
    return true;
  }

  /** Records a call that reached a working endpoint; closes the circuit. */
  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** Records a failed call; opens the circuit at the threshold, or again after a failed trial. */
  recordFailure(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.failureThreshold) {
      this.openedAt = this.now();
    }
    this.trialInFlight = false;
  }
}
