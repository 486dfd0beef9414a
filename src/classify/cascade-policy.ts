import type { Classification } from '../labels/classification.js';

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

export const DEFAULT_CASCADE_POLICY: CascadePolicy = { mode: 'unsure', threshold: 0.75, budget: 0.2 };
export const DEFAULT_MESSAGE_BUDGET_MS = 8_000;
export const DEFAULT_CHECK_BUDGET_MS = 1_500;

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
  const sure = local.confidence >= policy.threshold;
  if (sure && local.intent === 'chatter') {
    return false;
  }
  return policy.mode === 'always' || !sure;
}
