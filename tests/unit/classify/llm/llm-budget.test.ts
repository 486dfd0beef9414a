import { describe, expect, it } from 'vitest';
import { createCascadeClassifier } from '../../../../src/classify/cascade-classifier.js';
import type { CascadePolicy } from '../../../../src/classify/cascade-policy.js';
import { createLlmBudget } from '../../../../src/classify/llm-budget.js';
import type { Classification } from '../../../../src/labels/classification.js';
import { classification, scriptedRemote } from './fakes.js';

const policy = (budget: number): CascadePolicy => ({ mode: 'unsure', threshold: 0.75, budget });

/** A seeded stream of local results: confidences spread over 0–1, a third chatter. */
function stream(n: number, seed = 7): Classification[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) =>
    classification({
      confidence: next(),
      intent: i % 3 === 0 ? 'chatter' : 'grievance',
    }),
  );
}

describe('createLlmBudget', () => {
  it('never asks for more than the budget share of a long stream', () => {
    const budget = createLlmBudget(policy(0.2));
    const results = stream(5000);
    const asked = results.filter((r) => budget.decide(r) === 'ask').length;
    expect(asked / results.length).toBeLessThanOrEqual(0.2 + 5 / 5000);
    expect(asked / results.length).toBeGreaterThan(0.15);
    expect(budget.stats()).toEqual({ seen: 5000, asked });
  });

  it('spends the budget on the least certain messages', () => {
    const budget = createLlmBudget(policy(0.2));
    const results = stream(3000);
    const decided = results.map((r) => ({ r, d: budget.decide(r) })).slice(500);
    const askedConfidence = decided.filter((x) => x.d === 'ask').map((x) => x.r.confidence);
    const skipped = decided.filter((x) => x.d === 'over-budget').map((x) => x.r.confidence);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(askedConfidence.length).toBeGreaterThan(0);
    expect(skipped.length).toBeGreaterThan(0);
    expect(mean(askedConfidence)).toBeLessThan(0.25);
    expect(mean(askedConfidence)).toBeLessThan(mean(skipped));
  });

  it('asks for every unsure message while they are fewer than the budget', () => {
    const budget = createLlmBudget(policy(0.2));
    const results = Array.from({ length: 1000 }, (_, i) =>
      classification({ confidence: i % 10 === 0 ? 0.4 : 0.95 }),
    );
    const decisions = results.map((r) => budget.decide(r));
    expect(decisions.filter((d) => d === 'ask')).toHaveLength(100);
    expect(decisions).not.toContain('over-budget');
  });

  it('never asks about chatter it is sure of, and always about an emergency check, even over budget', () => {
    const budget = createLlmBudget(policy(0.05));
    const sureChatter = classification({ intent: 'chatter', confidence: 0.99 });
    const check = classification({ emergency_check: true, confidence: 0.9 });
    expect(budget.decide(sureChatter)).toBe('sure');
    const checks = Array.from({ length: 30 }, () => budget.decide(check));
    expect(checks.every((d) => d === 'ask')).toBe(true);
    // the checks borrowed from the bucket: an unsure message right after waits its turn
    expect(budget.decide(classification({ confidence: 0.01 }))).toBe('over-budget');
  });

  it('lifts the cap at budget 1 and asks nothing at budget 0 (emergency checks aside)', () => {
    const all = createLlmBudget(policy(1));
    const none = createLlmBudget(policy(0));
    const results = stream(400);
    expect(results.filter((r) => all.decide(r) === 'ask').length).toBe(
      results.filter((r) => r.confidence < 0.75).length,
    );
    expect(results.filter((r) => none.decide(r) === 'ask')).toHaveLength(0);
  });
});

describe('the cascade within its budget', () => {
  it('keeps the local answer, marked, when the budget is spent', async () => {
    const remote = scriptedRemote(
      ...Array.from({ length: 50 }, () => ({
        success: true as const,
        data: classification({ source: 'llm' }),
      })),
    );
    const unsure = classification({ confidence: 0.3 });
    const cascade = createCascadeClassifier({
      local: { classify: async () => unsure },
      remote,
      policy: policy(0.1),
    });
    const results = [];
    for (let i = 0; i < 100; i++) {
      results.push(await cascade.classify({ text: `消息${i}` }));
    }
    expect(remote.inputs.length).toBeLessThanOrEqual(15);
    expect(remote.inputs.length).toBeGreaterThanOrEqual(9);
    const local = results.filter((r) => r.source === 'local');
    expect(local.length).toBe(100 - remote.inputs.length);
    expect(local.every((r) => r.cues.includes('llm:over-budget'))).toBe(true);
  });
});
