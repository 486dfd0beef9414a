import * as z from 'zod';
import { BODIES, CATEGORIES, INTENTS, LocationSchema, TIAO_KUAI, URGENCIES } from './labels.js';

/** What every classifier returns: the label contract plus how sure it is and what decided it. */
export const ClassificationSchema = z.object({
  intent: z.enum(INTENTS),
  category: z.enum(CATEGORIES),
  body: z.enum(BODIES),
  tiao_kuai: z.enum(TIAO_KUAI),
  urgency: z.enum(URGENCIES),
  location: LocationSchema,
  /** Compound named or implied by the text (directory name), when known. */
  compound: z.string().nullable().default(null),
  /** On a public street or inside a compound, when the text says; decides the body with the routing table. */
  place: z.enum(['street', 'compound', 'unknown']).default('unknown'),
  /** Calibrated probability of each intent (local model), summing to 1; empty when not known. */
  probabilities: z.record(z.string(), z.number()).default({}),
  /**
   * Calibrated probability of the likelier categories (local model, those ≥ 0.05); empty when not known. For a
   * message that is no request (chatter, feedback), what it would be about as one: the subject of a question.
   */
  category_probabilities: z.record(z.string(), z.number()).optional(),
  /** The learned body suggestion (local model, bodies ≥ 0.01) that the routing table chose from. */
  body_probabilities: z.record(z.string(), z.number()).optional(),
  /** In the grey zone below a sure emergency: staff check at once, the reply names the emergency number. */
  emergency_check: z.boolean().default(false),
  confidence: z.number().min(0).max(1),
  /**
   * What decided it: `local`, `llm`, `llm-cache` (an earlier LLM answer to the same text), or
   * `local-fallback` when the LLM failed.
   */
  source: z.string(),
  /** Human-readable cues that decided the labels (for explainability and logs). */
  cues: z.array(z.string()).default([]),
});
export type Classification = z.infer<typeof ClassificationSchema>;

/** What a classifier is given: the text and where it was said. */
export type ClassifyInput = {
  text: string;
  /** Topic of the group the message came from, if any (helps place and grid). */
  roomTopic?: string | undefined;
  /**
   * A first reading only (which of two texts to read as the request): the local model alone, no second
   * opinion asked. The text finally chosen is classified again without it.
   */
  draft?: boolean | undefined;
};
