import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Directory } from '../../directory/directory.js';
import { AppError } from '../../errors.js';
import { renderCommunityFacts } from './community-facts.js';
import { type FewShotExample, parseFewShotExamples } from './few-shot-examples.js';
import { createLlmReplySchema, type LlmReplySchema, toReplyJsonSchema } from './llm-reply.js';
import type { CompoundFacts } from './parse-llm-reply.js';

export const SYSTEM_PROMPT_FILE = 'classify.system.md';
export const EXAMPLES_FILE = 'classify.examples.jsonl';

/** Everything the LLM classifier sends besides the resident's text, built once at startup. */
export type ClassifyPrompt = {
  /** From the `prompt-version: N` first line; logged with every LLM reply. */
  version: string;
  system: string;
  examples: readonly FewShotExample[];
  replySchema: LlmReplySchema;
  /** The reply schema as strict-mode JSON Schema for `response_format`. */
  jsonSchema: Record<string, unknown>;
  compounds: CompoundFacts;
};

/** Reads the prompt files from `dir` (config.PROMPTS_DIR) and renders them for the directory; throws CONFIG_INVALID. */
export function loadClassifyPrompt(dir: string, directory: Directory): ClassifyPrompt {
  const read = (name: string) => {
    const file = join(dir, name);
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (cause) {
      throw new AppError('CONFIG_INVALID', { message: `${file}: cannot read the prompt file`, cause });
    }
  };
  const system = read(SYSTEM_PROMPT_FILE);
  const examples = read(EXAMPLES_FILE);
  try {
    return buildClassifyPrompt(system.text, examples.text, directory, examples.file);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('CONFIG_INVALID', { message: `${dir}: ${message}`, cause });
  }
}

/** Renders the prompt from file contents (pure; throws on a missing version line or an unknown placeholder). */
export function buildClassifyPrompt(
  systemTemplate: string,
  examplesJsonl: string,
  directory: Directory,
  examplesFile = EXAMPLES_FILE,
): ClassifyPrompt {
  const { version, body } = splitVersion(systemTemplate);
  const compounds = directory.data.compounds.map((c) => ({ name: c.name, buildings: c.buildings }));
  const replySchema = createLlmReplySchema(compounds.map((c) => c.name));
  return {
    version,
    system: fillTemplate(body, renderCommunityFacts(directory)),
    examples: parseFewShotExamples(examplesJsonl, replySchema, examplesFile),
    replySchema,
    jsonSchema: toReplyJsonSchema(replySchema),
    compounds,
  };
}

function splitVersion(template: string): { version: string; body: string } {
  const match = /^prompt-version:\s*(\S+)\s*\r?\n/.exec(template);
  if (!match?.[1]) {
    throw new Error(`${SYSTEM_PROMPT_FILE}: the first line must be "prompt-version: N"`);
  }
  return { version: match[1], body: template.slice(match[0].length).trim() };
}

function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new Error(`${SYSTEM_PROMPT_FILE}: unknown placeholder {{${key}}}`);
    }
    return value;
  });
}
