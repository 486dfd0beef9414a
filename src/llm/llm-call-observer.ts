import type { ClassifyFailure } from '../classify/classifier.js';

/** What a request to the model was for. */
export type LlmCallKind = 'classify' | 'answer';

/** Why one request failed; `aborted` is a caller that stopped waiting (the message's time budget ran out). */
export type LlmFailureReason = Exclude<ClassifyFailure['reason'], 'circuit_open'> | 'aborted';

/** Told of every request an LLM adapter sends (operations' counters); it must not throw. */
export interface LlmCallObserver {
  /** One request is being sent to the endpoint. */
  called(kind: LlmCallKind): void;
  /** That request failed: no usable reply came back. */
  failed(kind: LlmCallKind, reason: LlmFailureReason): void;
  /** An answer came from the cache: no request was sent. */
  cached?(kind: LlmCallKind): void;
}
