import { Counter, type Registry } from 'prom-client';
import type { LlmCallKind, LlmCallObserver, LlmFailureReason } from '../../llm/llm-call-observer.js';

const KINDS: readonly LlmCallKind[] = ['classify', 'answer'];
const REASONS: readonly LlmFailureReason[] = [
  'timeout',
  'unavailable',
  'rate_limited',
  'invalid_output',
  'aborted',
];

/** Counts the LLM adapters' requests and failures in `registry`; every series starts at 0. */
export function createLlmCallCounters(registry: Registry): LlmCallObserver {
  const requests = new Counter({
    name: 'shaozi_llm_requests_total',
    help: 'Requests sent to the LLM endpoint (retries count each), by what they were for.',
    labelNames: ['kind'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'shaozi_llm_failures_total',
    help: 'LLM requests that brought no usable reply, by what they were for and why.',
    labelNames: ['kind', 'reason'],
    registers: [registry],
  });
  const cacheHits = new Counter({
    name: 'shaozi_llm_cache_hits_total',
    help: 'LLM answers served from the cache of earlier answers to the same normalised text (no request sent).',
    labelNames: ['kind'],
    registers: [registry],
  });
  for (const kind of KINDS) {
    requests.inc({ kind }, 0);
    cacheHits.inc({ kind }, 0);
    for (const reason of REASONS) {
      failures.inc({ kind, reason }, 0);
    }
  }
  return {
    called: (kind) => requests.inc({ kind }),
    failed: (kind, reason) => failures.inc({ kind, reason }),
    cached: (kind) => cacheHits.inc({ kind }),
  };
}
