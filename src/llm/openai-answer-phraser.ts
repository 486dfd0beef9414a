import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import * as z from 'zod';
import { stripFence } from '../classify/llm/parse-llm-reply.js';
import type { LlmSettings } from '../config.js';
import { AppError } from '../errors.js';
import type { AnswerPhraser, PhrasedReply } from '../knowledge/answerer.js';
import type { Passage } from '../knowledge/knowledge-base.js';
import type { LlmCallObserver, LlmFailureReason } from './llm-call-observer.js';

export const ANSWER_PROMPT_FILE = 'answer.system.md';
const FORMAT_NAME = 'shaozi_answer';

const ReplySchema = z
  .object({
    answerable: z.boolean(),
    entry_ids: z.array(z.string()),
    answer: z.string(),
  })
  .strict();

const { $schema: _ignored, ...REPLY_JSON_SCHEMA } = z.toJSONSchema(ReplySchema, { target: 'draft-7' });

/** The phrasing prompt from PROMPTS_DIR; its first line is `prompt-version: N`. */
export function loadAnswerPrompt(dir: string): { version: string; system: string } {
  const file = join(dir, ANSWER_PROMPT_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', { message: `${file}: cannot read the prompt file`, cause });
  }
  const match = /^prompt-version:\s*(\S+)\s*\r?\n/.exec(text);
  if (!match?.[1]) {
    throw new AppError('CONFIG_INVALID', { message: `${file}: the first line must be "prompt-version: N"` });
  }
  return { version: match[1], system: text.slice(match[0].length).trim() };
}

/** The user message: the question as data, then each entry under its id. */
export function renderAnswerRequest(question: string, passages: readonly Passage[]): string {
  const entries = passages.map((p) => `[${p.id}] ${p.title}\n${p.text}`).join('\n\n');
  return `<question>\n${question.replaceAll('</question>', '')}\n</question>\n\n资料：\n${entries}`;
}

/**
 * Phrases answers through an OpenAI-compatible chat completions endpoint: one request within the LLM
 * timeout, no retries (the local answer is the fallback, and a resident should not wait twice).
 */
export function createOpenAIAnswerPhraser(
  settings: LlmSettings,
  promptsDir: string,
  observer?: LlmCallObserver,
): AnswerPhraser {
  const prompt = loadAnswerPrompt(promptsDir);
  const client = new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  const responseFormat: OpenAI.Chat.ChatCompletionCreateParams['response_format'] =
    settings.responseFormat === 'json_object'
      ? { type: 'json_object' }
      : { type: 'json_schema', json_schema: { name: FORMAT_NAME, strict: true, schema: REPLY_JSON_SCHEMA } };
  return {
    async phrase(question, passages): Promise<PhrasedReply> {
      observer?.called('answer');
      try {
        const completion = await client.chat.completions.create(
          {
            model: settings.model,
            messages: [
              { role: 'system', content: prompt.system },
              { role: 'user', content: renderAnswerRequest(question, passages) },
            ],
            response_format: responseFormat,
          },
          { timeout: settings.timeoutMs, maxRetries: 0, signal: AbortSignal.timeout(settings.timeoutMs) },
        );
        const content = completion.choices[0]?.message.content ?? '';
        const parsed = ReplySchema.safeParse(JSON.parse(stripFence(content)));
        if (!parsed.success) {
          observer?.failed('answer', 'invalid_output');
          return { kind: 'failed', reason: 'reply does not match the schema' };
        }
        const reply = parsed.data;
        return reply.answerable
          ? { kind: 'answer', text: reply.answer, entryIds: reply.entry_ids }
          : { kind: 'none' };
      } catch (error) {
        observer?.failed('answer', failureOf(error));
        const message = error instanceof Error ? error.message : String(error);
        return { kind: 'failed', reason: message.slice(0, 120) };
      }
    },
  };
}

/** Why a phrasing request failed; the only abort signal is the request's own deadline. */
function failureOf(error: unknown): LlmFailureReason {
  if (error instanceof SyntaxError) {
    return 'invalid_output';
  }
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return 'timeout';
  }
  if (error instanceof APIError && error.status === 429) {
    return 'rate_limited';
  }
  return 'unavailable';
}
