import { LLM_CACHE_SOURCE } from '../classify/cascade-classifier.js';
import type { ClassifyOutcome, RemoteClassifier } from '../classify/classifier.js';
import type { Classification } from '../labels/classification.js';
import { llmCacheKey } from './llm-cache-key.js';
import type { LlmCallObserver } from './llm-call-observer.js';
import type { LruCacheOptions } from './lru-cache.js';
import { RememberedRequests } from './remembered-requests.js';

export type LlmCacheOptions = LruCacheOptions & {
  /** Told of each answer served from the cache (metrics). */
  observer?: Pick<LlmCallObserver, 'cached'> | undefined;
};

export type LlmCacheStats = { hits: number; misses: number; entries: number };

export type CachedRemoteClassifier = RemoteClassifier & {
  /** Answers served from the cache, requests passed on, entries held. */
  stats(): LlmCacheStats;
  /** The cache keys, least recently used first: masked, normalised text (see llm-cache-key.ts). */
  keys(): string[];
};

/**
 * Remembers the LLM's answers by normalised, masked text (and group), so a repeated message (a me-too, a
 * forwarded report, the same text posted again) costs no second call. Only answers are kept, never
 * failures; two callers asking the same text at once share one request. A hit says so in its `source`
 * (`llm-cache`) and cues.
 */
export function withLlmCache(remote: RemoteClassifier, options: LlmCacheOptions): CachedRemoteClassifier {
  const answers = new RememberedRequests<ClassifyOutcome>(options, (outcome) => outcome.success);
  let hits = 0;
  let misses = 0;
  const served = (data: Classification): ClassifyOutcome => {
    hits += 1;
    options.observer?.cached?.('classify');
    const copy = structuredClone(data);
    return {
      success: true,
      data: { ...copy, source: LLM_CACHE_SOURCE, cues: [...copy.cues, 'llm:cache-hit'] },
    };
  };

  return {
    async classify(input, signal) {
      const key = llmCacheKey(input);
      if (key === undefined) {
        return remote.classify(input, signal);
      }
      const { value, asked } = await answers.answer(key, () => remote.classify(input, signal));
      if (asked) {
        misses += 1;
        // the caller gets its own copy: what it does with the answer never changes the one remembered
        return structuredClone(value);
      }
      return value.success ? served(value.data) : value;
    },
    remembered(input) {
      const key = llmCacheKey(input);
      const held = key === undefined ? undefined : answers.held(key);
      return held?.success ? served(held.data) : undefined;
    },
    stats: () => ({ hits, misses, entries: answers.size }),
    keys: () => answers.keys(),
  };
}
