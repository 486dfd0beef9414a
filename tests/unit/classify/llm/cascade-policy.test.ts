import { describe, expect, it } from 'vitest';
import {
  type CascadePolicy,
  decisiveConfidence,
  shouldAskLlm,
} from '../../../../src/classify/cascade-policy.js';
import { createLlmBudget } from '../../../../src/classify/llm-budget.js';
import { classification } from './fakes.js';

const policy: CascadePolicy = { mode: 'unsure', threshold: 0.7, budget: 1 };
const probabilities = (p: Partial<Record<string, number>>) => ({
  grievance: 0,
  emergency: 0,
  inquiry: 0,
  feedback: 0,
  chatter: 0,
  ...p,
});
/** Read as chatter, torn between chatter and thanks: no request either way. */
const chatterOrThanks = classification({
  intent: 'chatter',
  category: 'none',
  confidence: 0.53,
  probabilities: probabilities({ chatter: 0.53, feedback: 0.46, grievance: 0.01 }),
});
/** Read as chatter, but a request is not unlikely. */
const maybeRequest = classification({
  intent: 'chatter',
  category: 'none',
  confidence: 0.6,
  probabilities: probabilities({ chatter: 0.6, grievance: 0.35, feedback: 0.05 }),
});

describe('decisiveConfidence', () => {
  it('judges chatter and feedback by the calibrated probability of no request at all', () => {
    expect(decisiveConfidence(chatterOrThanks)).toBeCloseTo(0.99);
    expect(decisiveConfidence(maybeRequest)).toBeCloseTo(0.65);
  });

  it('judges a request by its confidence, and any reading without probabilities too', () => {
    expect(
      decisiveConfidence(
        classification({ confidence: 0.4, probabilities: probabilities({ grievance: 0.9 }) }),
      ),
    ).toBe(0.4);
    expect(decisiveConfidence(classification({ intent: 'chatter', confidence: 0.6 }))).toBe(0.6);
  });
});

describe('shouldAskLlm', () => {
  it('never asks about chatter that is surely no request, even when it might be thanks', () => {
    expect(shouldAskLlm(chatterOrThanks, policy)).toBe(false);
    expect(shouldAskLlm({ ...chatterOrThanks, intent: 'feedback' }, policy)).toBe(false);
    expect(createLlmBudget(policy).decide(chatterOrThanks)).toBe('sure');
  });

  it('asks about chatter that may be a request, an unsure request and every emergency check', () => {
    expect(shouldAskLlm(maybeRequest, policy)).toBe(true);
    expect(shouldAskLlm(classification({ confidence: 0.5 }), policy)).toBe(true);
    expect(shouldAskLlm({ ...chatterOrThanks, emergency_check: true }, policy)).toBe(true);
  });

  it('does not hold up an emergency the model is sure of', () => {
    expect(shouldAskLlm(classification({ intent: 'emergency', confidence: 0.2 }), policy)).toBe(false);
  });
});
