import type { Classifier } from '../classify/classifier.js';
import type { Clock } from '../clock/clock.js';
import type { ClassifyInput } from '../labels/classification.js';

/** Who said a message and where: one conversation of one sender. */
type Speaker = { roomId: string | null; room: string | null; senderId: string };

/** Speakers remembered at most; the oldest are let go first. */
const MAX_SPEAKERS = 10_000;

/**
 * Starts the classifier's reading of a message as it arrives (`Classifier.lookAhead`), so a slow LLM answers
 * while intake reads the messages before it. Only a message intake will read alone: the sender's first in
 * the aggregation window. A sender's next lines are read with the window (a place, then the fault), so
 * reading them alone ahead would spend a call nobody uses. Only where intake runs in this process: a reading
 * started here is taken by this process's intake.
 */
export function createLookAhead(
  classifier: Pick<Classifier, 'lookAhead'>,
  clock: Clock,
  windowMs: number,
): (speaker: Speaker, input: ClassifyInput) => void {
  const lastSpoke = new Map<string, number>();
  return (speaker, input) => {
    if (!classifier.lookAhead) {
      return;
    }
    const now = clock.now().getTime();
    const key = `${speaker.roomId ?? speaker.room ?? ''}\u0000${speaker.senderId}`;
    const last = lastSpoke.get(key);
    lastSpoke.delete(key);
    lastSpoke.set(key, now);
    if (lastSpoke.size > MAX_SPEAKERS) {
      const oldest = lastSpoke.keys().next().value;
      if (oldest !== undefined) {
        lastSpoke.delete(oldest);
      }
    }
    if (last === undefined || now - last > windowMs) {
      classifier.lookAhead(input);
    }
  };
}
