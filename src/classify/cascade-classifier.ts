import type { Classification, ClassifyInput } from '../labels/classification.js';
import type { Logger } from '../logger.js';
import { type CascadePolicy, DEFAULT_CHECK_BUDGET_MS, DEFAULT_MESSAGE_BUDGET_MS } from './cascade-policy.js';
import type { Classifier, ClassifyOutcome, RemoteClassifier } from './classifier.js';
import { type BudgetOptions, createLlmBudget } from './llm-budget.js';
import { ReadingsAhead } from './readings-ahead.js';

export type CascadeDeps = {
  local: Classifier;
  /** The LLM; without it the local classifier answers alone. */
  remote?: RemoteClassifier | undefined;
  policy: CascadePolicy;
  /** The budget's window and burst (llm-budget.ts); its defaults when not given. */
  budgetOptions?: BudgetOptions | undefined;
  logger?: Pick<Logger, 'info' | 'warn'> | undefined;
};

/** Source of a local answer that stood because the LLM was asked and failed. */
export const LOCAL_FALLBACK_SOURCE = 'local-fallback';

/** Source of an LLM answer served from the cache of earlier answers (no request was sent). */
export const LLM_CACHE_SOURCE = 'llm-cache';

/**
 * Local first, the LLM only when the policy says so (never for sure chatter) and within its budget (the
 * least certain messages first; see llm-budget.ts), the local answer when the LLM fails. The LLM advises
 * within bounds (mergeResults): it refines category, body and urgency (the routing table still checks the
 * body against the directory), but it cannot drop what the local model reads as a request, cannot raise an
 * emergency the local model sees no danger in, cannot turn down an emergency the local model is sure of,
 * and never moves a building the text states. A lying or injected model can therefore cost a wrong
 * category, not a lost grievance, a false 【紧急】 alert storm or a ticket in another building.
 */
export function createCascadeClassifier(deps: CascadeDeps): Classifier {
  const budget = createLlmBudget(deps.policy, deps.budgetOptions);
  const ahead = new ReadingsAhead();
  const read = async (input: ClassifyInput): Promise<Classification> => {
    const local = await deps.local.classify(input);
    if (!deps.remote || input.draft) {
      return local;
    }
    // an answer the LLM gave for the same text (masked, normalised) stands even where the local reading is
    // sure of this wording (「@社区哨子 …！！」 after 「…！」): one text, one reading, so a repeat joins its ticket
    const remembered = deps.remote.remembered?.(input);
    const decision = budget.decide(local, { remembered: remembered?.success === true });
    if (decision === 'sure') {
      return local;
    }
    if (decision === 'remembered' && remembered?.success) {
      // an answer already held costs no call and no share of the budget
      return mergeResults(local, remembered.data);
    }
    if (decision === 'over-budget') {
      return { ...local, cues: [...local.cues, 'llm:over-budget'] };
    }
    const budgetMs = local.emergency_check
      ? (deps.policy.checkBudgetMs ?? DEFAULT_CHECK_BUDGET_MS)
      : (deps.policy.messageBudgetMs ?? DEFAULT_MESSAGE_BUDGET_MS);
    const outcome = await askRemote(deps.remote, input, budgetMs);
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
        source: merged.source,
        localIntent: local.intent,
        intent: merged.intent,
        category: merged.category,
      },
      'llm answer used',
    );
    return merged;
  };
  return {
    classify: (input) => ahead.take(input) ?? read(input),
    lookAhead(input) {
      // the whole reading starts now, the budget's decision included, and is made once: classify takes it
      if (deps.remote && !input.draft) {
        ahead.start(input, () => read(input));
      }
    },
  };
}

/** Asks the LLM within `budgetMs` in all (retries and their waits included); past it the local answer stands. */
async function askRemote(
  remote: RemoteClassifier,
  input: ClassifyInput,
  budgetMs: number,
): Promise<ClassifyOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const overBudget = new Promise<ClassifyOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ success: false, error: { reason: 'timeout', detail: `over the ${budgetMs} ms budget` } });
    }, budgetMs);
  });
  try {
    return await Promise.race([remote.classify(input, controller.signal), overBudget]);
  } catch (cause) {
    // the port promises not to throw; a bug in an adapter must still not lose the message
    return { success: false, error: { reason: 'unavailable', detail: String(cause) } };
  } finally {
    clearTimeout(timer);
  }
}

/** Local probability of a request (grievance, emergency or inquiry) above which the LLM cannot drop it. */
export const KEEP_REQUEST_P = 0.5;

const actionableP = (c: Classification) =>
  (c.probabilities.grievance ?? 0) + (c.probabilities.emergency ?? 0) + (c.probabilities.inquiry ?? 0);
const knowsProbabilities = (c: Classification) => Object.keys(c.probabilities).length > 0;

/** The LLM's answer within the bounds above. */
export function mergeResults(local: Classification, llm: Classification): Classification {
  const source = llm.source === LLM_CACHE_SOURCE ? LLM_CACHE_SOURCE : 'llm';
  let merged: Classification = { ...llm, source, cues: [...llm.cues] };
  const localActionable =
    local.intent === 'grievance' || local.intent === 'emergency' || local.intent === 'inquiry';
  if (
    localActionable &&
    (llm.intent === 'chatter' || llm.intent === 'feedback') &&
    knowsProbabilities(local) &&
    actionableP(local) >= KEEP_REQUEST_P
  ) {
    return { ...local, cues: [...local.cues, `safety:request-kept-from-local(llm said ${llm.intent})`] };
  }
  if (
    llm.intent === 'emergency' &&
    local.intent !== 'emergency' &&
    !local.emergency_check &&
    knowsProbabilities(local)
  ) {
    // no danger signal in the local reading, not even the grey zone: the LLM's word alone raises no alarm
    merged = {
      ...merged,
      intent: localActionable ? local.intent : 'grievance',
      urgency: 'urgent',
      cues: [...merged.cues, 'safety:emergency-needs-local-signal'],
    };
  }
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
  if (local.location.building !== null && llm.location.building !== local.location.building) {
    // the building the text states is read deterministically; the LLM may add nothing to it or move it
    merged = {
      ...merged,
      location: { ...local.location },
      compound: local.compound ?? merged.compound,
      cues: [...merged.cues, 'location:kept-from-local'],
    };
  }
  if (merged.intent === 'chatter' || merged.intent === 'feedback') {
    merged = { ...merged, category: 'none', body: 'none', tiao_kuai: 'none', urgency: 'none' };
  }
  return merged;
}
