import * as z from 'zod';
import type { Classification } from '../../labels/classification.js';
import { isActionable, tiaoKuaiOf } from '../../labels/labels.js';
import { maskPersonalData } from '../../privacy/mask.js';
import type { LlmReply, LlmReplySchema } from './llm-reply.js';

export type ParsedReply = { success: true; data: LlmReply } | { success: false; detail: string };

/** Parses the model's message content (JSON, possibly inside a ```json fence) and validates it with zod. */
export function parseLlmReply(content: string | null | undefined, schema: LlmReplySchema): ParsedReply {
  if (!content || content.trim() === '') {
    return { success: false, detail: 'empty reply' };
  }
  let json: unknown;
  try {
    json = JSON.parse(stripFence(content));
  } catch {
    return { success: false, detail: `not JSON: ${maskPersonalData(content.slice(0, 80))}` };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    return { success: false, detail: `schema: ${z.prettifyError(result.error).slice(0, 300)}` };
  }
  return { success: true, data: result.data };
}

export function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  return fenced?.[1] ?? content;
}

export type CompoundFacts = ReadonlyArray<{ name: string; buildings: readonly number[] }>;

/**
 * Turns a valid reply into a Classification, enforcing the label contract the schema cannot express:
 * feedback/chatter carry `none` labels, actionable intents never do, emergency means emergency urgency,
 * and a building inside a known compound decides the compound.
 */
export function toClassification(
  reply: LlmReply,
  compounds: CompoundFacts,
  promptVersion: string,
): Classification {
  const cues = [`llm:prompt-v${promptVersion}`];
  if (reply.reason.trim() !== '') {
    cues.push(`llm:${maskPersonalData(reply.reason.trim()).slice(0, 60)}`);
  }
  const labels = normalizeLabels(reply);
  if (labels.changed) {
    cues.push('llm:labels-normalized');
  }
  const building = reply.location.building;
  const byBuilding =
    building === null ? undefined : compounds.find((c) => c.buildings.includes(building))?.name;
  return {
    intent: reply.intent,
    category: labels.category,
    body: labels.body,
    tiao_kuai: tiaoKuaiOf(labels.body),
    urgency: labels.urgency,
    location: { ...reply.location },
    compound: byBuilding ?? reply.compound,
    place: 'unknown',
    probabilities: {},
    category_probabilities: {},
    emergency_check: false,
    confidence: reply.confidence,
    source: 'llm',
    cues,
  };
}

function normalizeLabels(reply: LlmReply): Pick<LlmReply, 'category' | 'body' | 'urgency'> & {
  changed: boolean;
} {
  const { category, body, urgency } = reply;
  let out: Pick<LlmReply, 'category' | 'body' | 'urgency'>;
  if (!isActionable(reply.intent)) {
    out = { category: 'none', body: 'none', urgency: 'none' };
  } else {
    out = {
      category: category === 'none' ? 'other' : category,
      body: body === 'none' ? 'committee' : body,
      urgency: reply.intent === 'emergency' ? 'emergency' : urgency === 'none' ? 'normal' : urgency,
    };
  }
  const changed = out.category !== category || out.body !== body || out.urgency !== urgency;
  return { ...out, changed };
}
