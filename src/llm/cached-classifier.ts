import { LLM_CACHE_SOURCE } from '../classify/cascade-classifier.js';
import type { ClassifyOutcome, RemoteClassifier } from '../classify/classifier.js';
import type { Classification, ClassifyInput } from '../labels/classification.js';
import { llmCacheKey } from './llm-cache-key.js';
import type { LlmCallObserver } from './llm-call-observer.js';
import { LruCache, type LruCacheOptions } from './lru-cache.js';

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
  const cache = new LruCache<Classification>(options);
  const inFlight = new Map<string, Promise<ClassifyOutcome>>();
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
  const ask = async (key: string, input: ClassifyInput, signal?: AbortSignal) => {
    misses += 1;
    const request = remote.classify(input, signal);
    inFlight.set(key, request);
    try {
      const outcome = await request;
      if (outcome.success) {
        cache.set(key, structuredClone(outcome.data));
      }
      return outcome;
    } finally {
      if (inFlight.get(key) === request) {
        inFlight.delete(key);
      }
    }
  };

  return {
    async classify(input, signal) {
      const key = llmCacheKey(input);
      if (key === undefined) {
        return remote.classify(input, signal);
      }
      const cached = cache.get(key);
      if (cached) {
        return served(cached);
      }
      const pending = inFlight.get(key);
      if (pending) {
        const shared = await pending;
        if (shared.success) {
          return served(shared.data);
        }
        // the first caller's failure (its own deadline, say) is not this message's: it asks for itself
      }
      return ask(key, input, signal);
    },
    remembered(input) {
      const key = llmCacheKey(input);
      const cached = key === undefined ? undefined : cache.get(key);
      return cached ? served(cached) : undefined;
    },
    stats: () => ({ hits, misses, entries: cache.size }),
    keys: () => cache.keys(),
  };
}
