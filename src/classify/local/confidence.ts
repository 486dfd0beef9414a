import type { IntentDecision } from './intent.js';
import type { Prediction } from './model.js';

export type ConfidenceInput = {
  intent: IntentDecision;
  intentModel: Prediction;
  category: { category: string; score: number; margin: number; model: Prediction } | undefined;
};

/** How sure the local result is: rules and model agreeing, and a clear lead for the category; low means ask the LLM. */
export function scoreConfidence({ intent, intentModel, category }: ConfidenceInput): number {
  const agrees = intentModel.label === intent.intent;
  let intentConfidence = intent.strength + (agrees ? 0.1 : -0.15);
  if (!category) {
    return round(clamp(intentConfidence));
  }
  const lead = Math.min(1, category.margin / 6);
  const modelAgrees = category.model.label === category.category;
  const categoryConfidence = 0.45 + 0.35 * lead + (modelAgrees ? 0.15 : 0);
  if (intent.intent === 'emergency') {
    intentConfidence = Math.max(intentConfidence, 0.9);
  }
  return round(clamp(Math.min(intentConfidence, 0.3 + 0.7 * categoryConfidence)));
}

const clamp = (x: number): number => Math.max(0, Math.min(1, x));
const round = (x: number): number => Math.round(x * 1000) / 1000;
