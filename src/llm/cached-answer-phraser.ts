import type { AnswerPhraser, PhrasedReply } from '../knowledge/answerer.js';
import type { Passage } from '../knowledge/knowledge-base.js';
import { normalizeForCache } from './llm-cache-key.js';
import type { LruCacheOptions } from './lru-cache.js';
import { RememberedRequests } from './remembered-requests.js';

/**
 * Remembers the LLM's phrased answers by normalised question and the very entries it was given (their ids
 * and text, which hold the answer for the asker's place), so the same question asked again (「物业电话多少？」
 * in the morning and at noon) costs no second call and waits for none. A failure is never kept; two askers
 * at once share one request.
 */
export function withAnswerCache(phraser: AnswerPhraser, options: LruCacheOptions): AnswerPhraser {
  const answers = new RememberedRequests<PhrasedReply>(options, (reply) => reply.kind !== 'failed');
  return {
    async phrase(question, passages) {
      const normal = normalizeForCache(question);
      if (normal === '') {
        return phraser.phrase(question, passages);
      }
      const key = `${normal}\n${passageKey(passages)}`;
      return (await answers.answer(key, () => phraser.phrase(question, passages))).value;
    },
  };
}

const passageKey = (passages: readonly Passage[]) =>
  passages.map((p) => `${p.id}\u0000${p.text}`).join('\u0001');
