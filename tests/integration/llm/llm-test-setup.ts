import { type ClassifyPrompt, loadClassifyPrompt } from '../../../src/classify/llm/classify-prompt.js';
import type { LlmReply } from '../../../src/classify/llm/llm-reply.js';
import type { LlmSettings } from '../../../src/config.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';

export const prompt: ClassifyPrompt = loadClassifyPrompt('prompts', loadDirectory());

/** Settings as llmSettings(config) returns them, pointed at a fake server and with short deadlines. */
export function testSettings(baseURL: string, overrides: Partial<LlmSettings> = {}): LlmSettings {
  return {
    baseURL,
    apiKey: 'sk-test-key',
    model: 'shaozi-test-model',
    responseFormat: 'json_schema',
    timeoutMs: 300,
    maxRetries: 2,
    policy: { mode: 'unsure', threshold: 0.75, budget: 1, messageBudgetMs: 8_000, checkBudgetMs: 1_500 },
    cache: { maxEntries: 100, ttlMs: 60_000 },
    ...overrides,
  };
}

/** A valid model reply for an elevator fault in building 3. */
export const VALID_REPLY: LlmReply = {
  intent: 'grievance',
  category: 'elevator',
  body: 'property',
  urgency: 'urgent',
  location: { building: 3, unit: 2, room: null },
  compound: '幸福里一区',
  confidence: 0.91,
  reason: '电梯停运',
};

/** Quick retries in tests; the breaker is out of the way unless a test is about it. */
export const FAST = { retryBaseDelayMs: 10, maxRetryAfterMs: 1_000, breaker: { failureThreshold: 1_000 } };

/** The environment of a bot that asks the fake LLM at `baseURL` about every message (within budget 1). */
export const askEveryMessage = (baseURL: string): Record<string, string> => ({
  LLM_BASE_URL: baseURL,
  LLM_API_KEY: 'sk-test',
  LLM_MODEL: 'shaozi-test-model',
  LLM_CASCADE: 'always',
  LLM_BUDGET: '1',
});

/** The last user message of a chat request: what the LLM was asked about. */
export const lastUserText = (body: { messages: Array<{ role: string; content: string }> }): string =>
  body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
