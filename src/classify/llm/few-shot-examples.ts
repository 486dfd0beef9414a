import * as z from 'zod';
import type { LlmReply, LlmReplySchema } from './llm-reply.js';

/** One few-shot pair: a resident's message (and its group) with the reply we want. */
export type FewShotExample = { text: string; room: string | undefined; reply: LlmReply };

/** Parses classify.examples.jsonl; a bad line throws naming the line, since the file ships with the code. */
export function parseFewShotExamples(jsonl: string, schema: LlmReplySchema, file: string): FewShotExample[] {
  const LineSchema = z
    .object({ text: z.string().min(1), room: z.string().optional(), reply: schema })
    .strict();
  const examples: FewShotExample[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${index + 1}: not JSON`);
    }
    const parsed = LineSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`${file}:${index + 1}: ${z.prettifyError(parsed.error)}`);
    }
    examples.push({ text: parsed.data.text, room: parsed.data.room, reply: parsed.data.reply });
  });
  return examples;
}
