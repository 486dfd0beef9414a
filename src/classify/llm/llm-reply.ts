import * as z from 'zod';
import { BODIES, CATEGORIES, INTENTS, URGENCIES } from '../../labels/labels.js';

const LocationPart = (what: string) =>
  z.int().min(1).max(99_999).nullable().describe(`${what} as a plain number; null when the text names none`);

/**
 * The model's reply for a community with these compound names. Every field is required and nullable
 * ones use `anyOf [..., null]`, so the same schema is valid for strict structured output.
 */
export function createLlmReplySchema(compoundNames: readonly string[]) {
  const compound =
    compoundNames.length > 0
      ? z.enum(compoundNames as [string, ...string[]]).nullable()
      : z.string().nullable();
  return z
    .object({
      intent: z.enum(INTENTS),
      category: z.enum(CATEGORIES).describe('none for feedback and chatter'),
      body: z.enum(BODIES).describe('who must act; none for feedback and chatter'),
      urgency: z.enum(URGENCIES),
      location: z
        .object({
          building: LocationPart('building'),
          unit: LocationPart('unit'),
          room: LocationPart('room'),
        })
        .strict(),
      compound: compound.describe('compound named or implied by the text or its group; null if none'),
      confidence: z.number().min(0).max(1),
      reason: z.string().describe('short reason in Chinese, at most 30 characters'),
    })
    .strict();
}

export type LlmReplySchema = ReturnType<typeof createLlmReplySchema>;
export type LlmReply = z.infer<LlmReplySchema>;

/** The JSON Schema sent as `response_format.json_schema.schema` (no `$schema` key, which some endpoints reject). */
export function toReplyJsonSchema(schema: LlmReplySchema): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7' });
  return jsonSchema;
}

/** Name of the structured-output format (a-z, 0-9, _ and -, at most 64 characters). */
export const REPLY_FORMAT_NAME = 'shaozi_classification';
