import type { Classifier, ClassifyOutcome, RemoteClassifier } from '../../../../src/classify/classifier.js';
import type { Classification, ClassifyInput } from '../../../../src/labels/classification.js';

/** A classification with sensible defaults; override what the test is about. */
export function classification(overrides: Partial<Classification> = {}): Classification {
  return {
    intent: 'grievance',
    category: 'elevator',
    body: 'property',
    tiao_kuai: 'block',
    urgency: 'urgent',
    location: { building: null, unit: null, room: null },
    compound: null,
    place: 'unknown',
    probabilities: {},
    emergency_check: false,
    confidence: 0.5,
    source: 'local',
    cues: [],
    ...overrides,
  };
}

/** A local classifier that always answers the same. */
export function fixedLocal(result: Classification): Classifier & { inputs: ClassifyInput[] } {
  const inputs: ClassifyInput[] = [];
  return {
    inputs,
    classify: async (input) => {
      inputs.push(input);
      return result;
    },
  };
}

/** A remote classifier that returns queued outcomes and records every call. */
export function scriptedRemote(
  ...outcomes: ClassifyOutcome[]
): RemoteClassifier & { inputs: ClassifyInput[] } {
  const inputs: ClassifyInput[] = [];
  return {
    inputs,
    classify: async (input) => {
      inputs.push(input);
      const next = outcomes.shift();
      if (!next) {
        throw new Error('scriptedRemote: no outcome left');
      }
      return next;
    },
  };
}

/** A hand-moved clock for the circuit breaker. */
export function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}
