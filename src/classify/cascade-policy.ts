import type { Classification } from '../labels/classification.js';

/**
 * When the cascade asks the LLM.
 * - `mode`: `unsure` asks below `threshold`; `always` asks for everything but sure chatter.
 * - `budget`: the largest share of messages the LLM is asked about (0–1); within it, the least certain
 *   go first. Emergency checks are always asked and count against it.
 */
export type CascadePolicy = { mode: 'unsure' | 'always'; threshold: number; budget: number };

export const DEFAULT_CASCADE_POLICY: CascadePolicy = { mode: 'unsure', threshold: 0.75, budget: 0.2 };

/** Whether a message is worth an LLM call at all, before any budget: the stateless half of the policy. */
export function shouldAskLlm(local: Classification, policy: Omit<CascadePolicy, 'budget'>): boolean {
  if (local.emergency_check) {
    // the grey zone below a sure emergency: the LLM decides when there is one
    return true;
  }
  const sure = local.confidence >= policy.threshold;
  if (sure && local.intent === 'chatter') {
    return false;
  }
  return policy.mode === 'always' || !sure;
}
