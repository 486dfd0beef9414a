import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { BODIES, CATEGORIES, INTENTS, LocationSchema, URGENCIES } from '../../labels/labels.js';

/** The labelled dev set shipped with the project; the default model is trained from it at startup. */
export const DEFAULT_TRAINING_FILE = fileURLToPath(
  new URL('../../../datasets/dev-messages.jsonl', import.meta.url),
);

export const LabelledMessageSchema = z.object({
  id: z.string(),
  text: z.string(),
  intent: z.enum(INTENTS),
  category: z.enum(CATEGORIES),
  body: z.enum(BODIES),
  urgency: z.enum(URGENCIES),
  location: LocationSchema,
  note: z.string().optional(),
});
export type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

/** Reads a JSONL file of labelled messages; a bad line throws with its line number. */
export function readLabelledMessages(file: string): LabelledMessage[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: LabelledMessage[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      return;
    }
    const parsed = LabelledMessageSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    }
    out.push(parsed.data);
  });
  return out;
}
