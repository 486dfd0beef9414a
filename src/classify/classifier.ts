import type { Classification, ClassifyInput } from '../labels/classification.js';

/** Classifies one message; never fails (a local classifier always has an answer). */
export interface Classifier {
  classify(input: ClassifyInput): Promise<Classification>;
  /**
   * Starts reading a message that intake will ask about soon, as it arrives, so that a slow second opinion
   * (an LLM) runs while earlier messages are read; `classify` with the same input then takes that reading.
   * Optional: a classifier with nothing slow to start has none.
   */
  lookAhead?(input: ClassifyInput): void;
}

export type ClassifyFailure = {
  reason: 'invalid_output' | 'timeout' | 'unavailable' | 'rate_limited' | 'circuit_open';
  detail: string;
};

export type ClassifyOutcome =
  | { success: true; data: Classification }
  | { success: false; error: ClassifyFailure };

/** A classifier that may fail (an LLM endpoint); the cascade falls back to the local result. */
export interface RemoteClassifier {
  classify(input: ClassifyInput, signal?: AbortSignal): Promise<ClassifyOutcome>;
  /** An answer already held for this input (a cache), served without a request; undefined when none is. */
  remembered?(input: ClassifyInput): ClassifyOutcome | undefined;
}
