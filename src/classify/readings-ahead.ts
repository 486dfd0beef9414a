import type { Classification, ClassifyInput } from '../labels/classification.js';

/** Readings started ahead, by input, until intake asks for them; a reading nobody asks for is let go. */
export class ReadingsAhead {
  private readonly readings = new Map<string, { reading: Promise<Classification>; at: number }>();

  start(input: ClassifyInput, read: () => Promise<Classification>): void {
    const key = readingKey(input);
    if (this.readings.has(key)) {
      return;
    }
    this.forgetStale();
    const reading = read();
    // a reading that fails is dropped: intake then reads the message itself, and meets the failure there
    reading.catch(() => this.readings.delete(key));
    this.readings.set(key, { reading, at: Date.now() });
  }

  take(input: ClassifyInput): Promise<Classification> | undefined {
    if (input.draft) {
      return undefined;
    }
    const key = readingKey(input);
    const held = this.readings.get(key);
    this.readings.delete(key);
    return held?.reading;
  }

  private forgetStale(): void {
    const before = Date.now() - AHEAD_KEPT_MS;
    for (const [key, held] of this.readings) {
      if (held.at >= before && this.readings.size < AHEAD_MAX) {
        return;
      }
      this.readings.delete(key);
    }
  }
}

/** How long a reading started ahead waits for intake, and how many wait at most. */
const AHEAD_KEPT_MS = 10 * 60_000;
const AHEAD_MAX = 1_000;

const readingKey = (input: ClassifyInput) => `${input.roomTopic ?? ''}\u0000${input.text}`;
