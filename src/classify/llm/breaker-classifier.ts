import type { ClassifyInput } from '../../labels/classification.js';
import type { ClassifyFailure, ClassifyOutcome, RemoteClassifier } from '../classifier.js';
import type { CircuitBreaker } from './circuit-breaker.js';

/** Failures that say the endpoint is down or overloaded; an invalid answer means it is up. */
const ENDPOINT_FAILURES: ReadonlySet<ClassifyFailure['reason']> = new Set([
  'timeout',
  'unavailable',
  'rate_limited',
]);

/** Wraps a remote classifier so an open circuit answers `circuit_open` at once, without a request. */
export function withCircuitBreaker(remote: RemoteClassifier, breaker: CircuitBreaker): RemoteClassifier {
  return {
    async classify(input: ClassifyInput, signal?: AbortSignal): Promise<ClassifyOutcome> {
      if (!breaker.tryAcquire()) {
        const detail = `circuit open, next trial in ${Math.ceil(breaker.retryInMs() / 1000)} s`;
        return { success: false, error: { reason: 'circuit_open', detail } };
      }
      let outcome: ClassifyOutcome;
      try {
        outcome = await remote.classify(input, signal);
      } catch (cause) {
        outcome = { success: false, error: { reason: 'unavailable', detail: String(cause) } };
      }
      if (!outcome.success && ENDPOINT_FAILURES.has(outcome.error.reason)) {
        breaker.recordFailure();
      } else {
        breaker.recordSuccess();
      }
      return outcome;
    },
  };
}
