/** A clock the caller may move: replay's and the tests' SimulatedClock. */
export type SettableClock = { now(): Date; set(at: Date): void };

export type TimerDriver = {
  /** When the next timer step is due (see nextTimerAt). */
  nextTimerAt(): Promise<Date | null>;
  /** Runs one sweep at the clock's now and waits until it and its messages are done. */
  runTimers(): Promise<void>;
};

/** A bound on sweeps per move, far above what a script's gap between two lines can owe. */
const MAX_SWEEPS = 10_000;

/**
 * Moves a simulated clock to `target` letting every timer due on the way fire at its own time: the clock
 * stops at each due instant and a sweep runs there, so a ticket late by three days climbs the ladder at
 * the right hours instead of in one burst. Ends with a sweep at `target`.
 */
export async function stepTimersUntil(
  target: Date,
  clock: SettableClock,
  driver: TimerDriver,
): Promise<number> {
  let sweeps = 0;
  for (; sweeps < MAX_SWEEPS; sweeps++) {
    const next = await driver.nextTimerAt();
    // a step still due at now after a sweep was refused or cannot be taken: do not spin on it
    if (next === null || next > target || (sweeps > 0 && next <= clock.now())) {
      break;
    }
    clock.set(next);
    await driver.runTimers();
  }
  clock.set(target);
  await driver.runTimers();
  return sweeps + 1;
}
