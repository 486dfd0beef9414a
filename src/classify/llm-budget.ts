import type { Classification } from '../labels/classification.js';
import { type CascadePolicy, decisiveConfidence, shouldAskLlm } from './cascade-policy.js';

/** `remembered`: the LLM's answer for this text is already held: served free, off the budget. */
export type BudgetDecision = 'ask' | 'sure' | 'over-budget' | 'remembered';

export type LlmBudget = {
  /**
   * Decides one message and records it: every message counts in the share, asked or not. `remembered`:
   * whether the LLM's answer for this message is already held (a cache hit costs nothing).
   */
  decide(local: Classification, options?: { remembered?: boolean }): BudgetDecision;
  /** Messages seen and LLM calls granted since start. */
  stats(): { seen: number; asked: number };
};

export type BudgetOptions = {
  /** How many recent confidences the cut-off is taken from. */
  window?: number;
  /** How many calls may go out back to back before the share applies (a burst of unsure reports). */
  burst?: number;
};

/**
 * The LLM budget: at most `policy.budget` of the messages go to the LLM, and within that share the
 * least certain ones. Two mechanisms, both per process:
 * - a cut-off on confidence (`decisiveConfidence`), the `budget` quantile of the last `window` messages'
 *   confidences, so that when more messages are unsure than the budget allows only the least certain are
 *   asked;
 * - a token bucket (refilled by `budget` per message, holding at most `burst`) that caps the share over
 *   any stretch of messages.
 * Emergency checks are always asked (a missed fire costs more than a call) and draw on the bucket, which
 * may then run below zero and is paid back by later messages.
 */
export function createLlmBudget(policy: CascadePolicy, options: BudgetOptions = {}): LlmBudget {
  const window = options.window ?? 500;
  const burst = options.burst ?? 5;
  const share = Math.min(Math.max(policy.budget, 0), 1);
  const recent: number[] = []; // arrival order
  const sorted: number[] = []; // the same values, ascending
  let tokens = share > 0 ? burst : 0;
  let seen = 0;
  let asked = 0;

  const remember = (confidence: number) => {
    recent.push(confidence);
    sorted.splice(lowerBound(sorted, confidence), 0, confidence);
    if (recent.length > window) {
      const old = recent.shift() as number;
      sorted.splice(lowerBound(sorted, old), 1);
    }
  };
  /** The confidence below which the least certain `share` of recent messages lie. */
  const cutoff = (): number => {
    if (sorted.length < Math.min(50, window)) {
      return Number.POSITIVE_INFINITY;
    }
    // at a budget of 1 the index runs past the end: no cut-off
    return sorted[Math.floor(share * sorted.length)] ?? Number.POSITIVE_INFINITY;
  };

  return {
    decide(local, options = {}) {
      seen += 1;
      tokens = Math.min(burst, tokens + share);
      const limit = cutoff();
      const confidence = decisiveConfidence(local);
      remember(confidence);
      let decision: BudgetDecision;
      if (options.remembered) {
        decision = 'remembered';
      } else if (local.emergency_check) {
        decision = 'ask';
      } else if (!shouldAskLlm(local, policy)) {
        decision = 'sure';
      } else if (tokens >= 1 && confidence <= limit) {
        decision = 'ask';
      } else {
        decision = 'over-budget';
      }
      if (decision === 'ask') {
        asked += 1;
        tokens = Math.max(tokens - 1, -burst);
      }
      return decision;
    },
    stats: () => ({ seen, asked }),
  };
}

function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
