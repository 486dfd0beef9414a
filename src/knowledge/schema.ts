import * as z from 'zod';
import { BODIES } from '../labels/labels.js';

const Line = z.string().trim().min(1);

/** One published fact: what residents ask, what the bot answers, and who answers follow-up questions. */
export const KnowledgeEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case: office-hours'),
  title: Line,
  asks: z.array(Line).min(1, 'give at least one way residents ask this'),
  answer: Line.max(400, 'keep an answer under 400 characters: a chat message, not a leaflet'),
  body: z.enum(BODIES),
  compounds: z.array(Line).optional(),
});

export const KnowledgeBaseSchema = z.strictObject({
  community: Line,
  entries: z.array(KnowledgeEntrySchema),
});

export type KnowledgeEntryData = z.infer<typeof KnowledgeEntrySchema>;
export type KnowledgeBaseData = z.infer<typeof KnowledgeBaseSchema>;
