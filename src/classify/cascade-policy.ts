import type { Classification } from '../labels/classification.js';

/** When the cascade asks the LLM: only when the local result is unsure, or always (but never for sure chatter). */
export type CascadePolicy = { mode: 'unsure' | 'always'; threshold: number };

export const DEFAULT_CASCADE_POLICY: CascadePolicy = { mode: 'unsure', threshold: 0.75 };

export function shouldAskLlm(local: Classification, policy: CascadePolicy): boolean {
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
