import type { Classification, ClassifyInput } from '../labels/classification.js';
import type { Logger } from '../logger.js';
import type { CascadePolicy } from './cascade-policy.js';
import type { Classifier, ClassifyOutcome, RemoteClassifier } from './classifier.js';
import { createLlmBudget } from './llm-budget.js';

export type CascadeDeps = {
  local: Classifier;
  /** The LLM; without it the local classifier answers alone. */
  remote?: RemoteClassifier | undefined;
  policy: CascadePolicy;
  logger?: Pick<Logger, 'info' | 'warn'> | undefined;
};

/** Source of a local answer that stood because the LLM was asked and failed. */
export const LOCAL_FALLBACK_SOURCE = 'local-fallback';

/**
 * Local first, the LLM only when the policy says so (never for sure chatter) and within its budget (the
 * least certain messages first; see llm-budget.ts), the local answer when the LLM fails. Two merge rules
 * protect what the local classifier is good at:
 * - emergency is sticky: when the local result says emergency and the LLM does not, intent and urgency
 *   stay emergency (recall first: a missed fire costs more than a needless 119 hint);
 * - location: when the LLM names no building but the local one did, the local location (and compound)
 *   are kept, because digit and building-pattern extraction is deterministic and an LLM omission is
 *   more often a lapse than a judgement. A building the LLM does give wins; when neither names a
 *   building the LLM's compound stands, even null (a street like 明德路 belongs to no compound).
 */
export function createCascadeClassifier(deps: CascadeDeps): Classifier {
  const budget = createLlmBudget(deps.policy);
  return {
    async classify(input: ClassifyInput): Promise<Classification> {
      const local = await deps.local.classify(input);
      if (!deps.remote) {
        return local;
      }
      const decision = budget.decide(local);
      if (decision === 'sure') {
        return local;
      }
      if (decision === 'over-budget') {
        return { ...local, cues: [...local.cues, 'llm:over-budget'] };
      }
      const outcome = await askRemote(deps.remote, input);
      if (!outcome.success) {
        deps.logger?.warn(
          { event: 'classify.cascade.fallback', reason: outcome.error.reason, detail: outcome.error.detail },
          'llm failed, local result stands',
        );
        return {
          ...local,
          source: LOCAL_FALLBACK_SOURCE,
          cues: [...local.cues, `llm-failed:${outcome.error.reason}`],
        };
      }
      const merged = mergeResults(local, outcome.data);
      deps.logger?.info(
        {
          event: 'classify.cascade.llm',
          localIntent: local.intent,
          intent: merged.intent,
          category: merged.category,
        },
        'llm answer used',
      );
      return merged;
    },
  };
}

async function askRemote(remote: RemoteClassifier, input: ClassifyInput): Promise<ClassifyOutcome> {
  try {
    return await remote.classify(input);
  } catch (cause) {
    // the port promises not to throw; a bug in an adapter must still not lose the message
    return { success: false, error: { reason: 'unavailable', detail: String(cause) } };
  }
}

/** The LLM's answer with the two safety rules above applied. */
export function mergeResults(local: Classification, llm: Classification): Classification {
  let merged: Classification = { ...llm, source: 'llm', cues: [...llm.cues] };
  if (local.intent === 'emergency' && llm.intent !== 'emergency') {
    const llmActionable = llm.category !== 'none';
    merged = {
      ...merged,
      intent: 'emergency',
      urgency: 'emergency',
      category: llmActionable ? llm.category : local.category,
      body: llmActionable ? llm.body : local.body,
      tiao_kuai: llmActionable ? llm.tiao_kuai : local.tiao_kuai,
      cues: [...merged.cues, `safety:emergency-kept-from-local(llm said ${llm.intent})`],
    };
  }
  if (llm.location.building === null && local.location.building !== null) {
    merged = {
      ...merged,
      location: { ...local.location },
      compound: local.compound ?? merged.compound,
      cues: [...merged.cues, 'location:kept-from-local'],
    };
  }
  return merged;
}
