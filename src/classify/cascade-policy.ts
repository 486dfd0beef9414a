import type { Classification } from '../labels/classification.js';
import { isActionable } from '../labels/labels.js';

/**
 * When the cascade asks the LLM.
 * - `mode`: `unsure` asks below `threshold`; `always` asks for everything but sure chatter.
 * - `budget`: the largest share of messages the LLM is asked about (0–1); within it, the least certain
 *   go first. Emergency checks are always asked and count against it.
 */
export type CascadePolicy = {
  mode: 'unsure' | 'always';
  threshold: number;
  budget: number;
  /** Longest the LLM may take for one message, retries included; then the local answer stands (8 s). */
  messageBudgetMs?: number;
  /** Longest it may take for an emergency check, which waits for nobody (1.5 s). */
  checkBudgetMs?: number;
};

/**
 * The threshold is measured (scripts/llm-thresholds.ts, leave-one-writer-out over datasets/): 0.7 is the
 * lowest at which every emergency the local model neither calls one nor checks, and that 0.75 sent to the
 * LLM, still goes to it; it asks about 18 % fewer messages than 0.75 did with P(chatter).
 */
export const DEFAULT_CASCADE_POLICY: CascadePolicy = { mode: 'unsure', threshold: 0.7, budget: 0.2 };
export const DEFAULT_MESSAGE_BUDGET_MS = 8_000;
export const DEFAULT_CHECK_BUDGET_MS = 1_500;

/**
 * How sure the local reading is of what matters, the figure the cascade compares with its threshold: for a
 * request, its `confidence` (min of P(intent) and P(category)); for chatter or feedback, the calibrated
 * probability that the message is no request at all (P(chatter) + P(feedback)), since reading chatter as
 * feedback or the other way round changes nothing, while a missed request is the error the LLM can fix.
 * Without probabilities (another classifier), the `confidence`.
 */
export function decisiveConfidence(local: Classification): number {
  const { probabilities } = local;
  if (isActionable(local.intent) || Object.keys(probabilities).length === 0) {
    return local.confidence;
  }
  const request =
    (probabilities.grievance ?? 0) + (probabilities.emergency ?? 0) + (probabilities.inquiry ?? 0);
  return Math.min(Math.max(1 - request, 0), 1);
}

/** Whether a message is worth an LLM call at all, before any budget: the stateless half of the policy. */
export function shouldAskLlm(local: Classification, policy: Omit<CascadePolicy, 'budget'>): boolean {
  if (local.emergency_check) {
    // the grey zone below a sure emergency: the LLM decides when there is one (within a short deadline)
    return true;
  }
  if (local.intent === 'emergency') {
    // a sure emergency is answered at once: no model is worth the wait, and emergency is sticky anyway
    return false;
  }
  const sure = decisiveConfidence(local) >= policy.threshold;
  if (sure && local.intent === 'chatter') {
    return false;
  }
  return policy.mode === 'always' || !sure;
}
