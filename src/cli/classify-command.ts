import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import * as z from 'zod';
import type { Classifier } from '../classify/classifier.js';
import type { CliIo } from './io.js';

const InputLine = z
  .object({ id: z.union([z.string(), z.number()]).optional(), text: z.string().min(1) })
  .loose();

/**
 * `shaozi classify`: JSONL in, one JSONL classification out per line, in order. A bad line gets
 * `{"id":…,"error":…}` and the rest goes on.
 */
export async function runClassify(
  input: NodeJS.ReadableStream | string,
  classifier: Classifier,
  io: CliIo,
): Promise<number> {
  const stream = typeof input === 'string' ? createReadStream(input, 'utf8') : input;
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    if (raw.trim().length === 0) {
      continue;
    }
    io.stdout(JSON.stringify(await classifyLine(raw, lineNo, classifier)));
  }
  return 0;
}

async function classifyLine(
  raw: string,
  lineNo: number,
  classifier: Classifier,
): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { id: null, error: `line ${lineNo}: not JSON` };
  }
  const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : null;
  const parsed = InputLine.safeParse(json);
  if (!parsed.success) {
    return { id, error: `line ${lineNo}: needs a non-empty "text" string` };
  }
  const c = await classifier.classify({ text: parsed.data.text });
  return {
    id: parsed.data.id ?? null,
    intent: c.intent,
    category: c.category,
    body: c.body,
    tiao_kuai: c.tiao_kuai,
    urgency: c.urgency,
    location: c.location,
    confidence: Math.round(c.confidence * 100) / 100,
    source: c.source,
    probabilities: c.probabilities,
    emergency_check: c.emergency_check,
  };
}
