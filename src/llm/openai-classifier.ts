import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ClassifyFailure, ClassifyOutcome, RemoteClassifier } from '../classify/classifier.js';
import { withCircuitBreaker } from '../classify/llm/breaker-classifier.js';
import { buildChatMessages, type ChatMessage } from '../classify/llm/chat-messages.js';
import { CircuitBreaker, type CircuitBreakerOptions } from '../classify/llm/circuit-breaker.js';
import type { ClassifyPrompt } from '../classify/llm/classify-prompt.js';
import { REPLY_FORMAT_NAME } from '../classify/llm/llm-reply.js';
import { type ParsedReply, parseLlmReply, toClassification } from '../classify/llm/parse-llm-reply.js';
import { type HeaderLookup, retryDelayMs } from '../classify/llm/retry-delay.js';
import type { LlmSettings } from '../config.js';
import type { ClassifyInput } from '../labels/classification.js';
import type { Logger } from '../logger.js';
import type { LlmCallObserver, LlmFailureReason } from './llm-call-observer.js';

export type OpenAIClassifierOptions = {
  model: string;
  /** `json_schema` sends strict structured output; `json_object` only asks for JSON (the prompt says so). */
  responseFormat: 'json_schema' | 'json_object';
  /** Deadline of one HTTP request, headers and body. */
  timeoutMs: number;
  /** Retries after a timeout, connection error, 408/409/429 or 5xx; the SDK's own retries are switched off. */
  maxRetries: number;
  prompt: ClassifyPrompt;
  /** First backoff delay when the server sends no retry-after (default 500 ms). */
  retryBaseDelayMs?: number;
  /** Longest retry-after honoured (default 5 s); a longer one fails at once as `rate_limited`. */
  maxRetryAfterMs?: number;
  /** Sent only when set: some reasoning models reject any temperature. */
  temperature?: number;
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** Told of each request and each failed one (metrics). */
  observer?: LlmCallObserver;
};

type AttemptError = { failure: ClassifyFailure; retryable: boolean; headers?: HeaderLookup };
type Attempt = { ok: true; parsed: ParsedReply } | ({ ok: false } & AttemptError);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Classifies through an OpenAI-compatible chat completions endpoint. Exactly one retry layer: this class
 * (the client must be built with `maxRetries: 0`; each request also passes `maxRetries: 0`). An answer that
 * fails validation is asked for once more; transport failures are retried up to `maxRetries` times.
 */
export class OpenAIClassifier implements RemoteClassifier {
  constructor(
    private readonly client: OpenAI,
    private readonly options: OpenAIClassifierOptions,
  ) {}

  /** Asks the model once (plus bounded retries); never throws, failures come back as a ClassifyFailure. */
  async classify(input: ClassifyInput, signal?: AbortSignal): Promise<ClassifyOutcome> {
    const { prompt, maxRetries, logger } = this.options;
    const messages = buildChatMessages(prompt, input);
    const log = { promptVersion: prompt.version, model: this.options.model };
    let retries = 0;
    let invalidRetried = false;
    for (let request = 1; ; request++) {
      const attempt = await this.request(messages, signal);
      if (!attempt.ok) {
        const delay = attempt.retryable && retries < maxRetries ? this.delayFor(attempt, retries) : undefined;
        if (delay === undefined || signal?.aborted) {
          logger?.warn(
            { event: 'classify.llm.failed', ...log, requests: request, ...attempt.failure },
            'llm failed',
          );
          return { success: false, error: attempt.failure };
        }
        retries += 1;
        await sleep(delay);
        continue;
      }
      if (attempt.parsed.success) {
        logger?.info({ event: 'classify.llm.replied', ...log, requests: request }, 'llm replied');
        return {
          success: true,
          data: toClassification(attempt.parsed.data, prompt.compounds, prompt.version),
        };
      }
      logger?.warn(
        { event: 'classify.reply.invalid', ...log, request, detail: attempt.parsed.detail },
        'bad reply',
      );
      if (invalidRetried) {
        return { success: false, error: { reason: 'invalid_output', detail: attempt.parsed.detail } };
      }
      invalidRetried = true;
    }
  }

  private delayFor(attempt: AttemptError, retry: number): number | undefined {
    return retryDelayMs(attempt.headers, retry, {
      baseDelayMs: this.options.retryBaseDelayMs ?? 500,
      maxDelayMs: this.options.maxRetryAfterMs ?? 5_000,
    });
  }

  private async request(messages: ChatMessage[], signal: AbortSignal | undefined): Promise<Attempt> {
    const { observer } = this.options;
    observer?.called('classify');
    const attempt = await this.send(messages, signal);
    const failure = failureOf(attempt, signal?.aborted === true);
    if (failure) {
      observer?.failed('classify', failure);
    }
    return attempt;
  }

  private async send(messages: ChatMessage[], signal: AbortSignal | undefined): Promise<Attempt> {
    const { model, timeoutMs, temperature } = this.options;
    // the SDK's timeout stops at the response headers; this one also covers reading the body
    const deadline = AbortSignal.timeout(timeoutMs);
    const attemptSignal = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const completion = await this.client.chat.completions.create(
        {
          model,
          messages,
          response_format: this.responseFormat(),
          ...(temperature === undefined ? {} : { temperature }),
        },
        { timeout: timeoutMs, maxRetries: 0, signal: attemptSignal },
      );
      const choice = completion.choices[0];
      if (choice?.message.refusal) {
        return {
          ok: true,
          parsed: { success: false, detail: `refused: ${choice.message.refusal.slice(0, 80)}` },
        };
      }
      if (choice?.finish_reason === 'length') {
        return { ok: true, parsed: { success: false, detail: 'reply cut off (finish_reason length)' } };
      }
      return { ok: true, parsed: parseLlmReply(choice?.message.content, this.options.prompt.replySchema) };
    } catch (error) {
      return { ok: false, ...toAttemptError(error, deadline.aborted, signal?.aborted === true) };
    }
  }

  private responseFormat(): OpenAI.Chat.ChatCompletionCreateParams['response_format'] {
    if (this.options.responseFormat === 'json_object') {
      return { type: 'json_object' };
    }
    return {
      type: 'json_schema',
      json_schema: { name: REPLY_FORMAT_NAME, strict: true, schema: this.options.prompt.jsonSchema },
    };
  }
}

/** Why an attempt gave no usable reply, for the observer; undefined when it did. */
function failureOf(attempt: Attempt, callerAborted: boolean): LlmFailureReason | undefined {
  if (attempt.ok) {
    return attempt.parsed.success ? undefined : 'invalid_output';
  }
  if (callerAborted) {
    return 'aborted';
  }
  const { reason } = attempt.failure;
  return reason === 'circuit_open' ? 'unavailable' : reason;
}

function toAttemptError(error: unknown, timedOut: boolean, callerAborted: boolean): AttemptError {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  if (callerAborted) {
    return { failure: { reason: 'unavailable', detail: 'aborted by the caller' }, retryable: false };
  }
  if (timedOut || error instanceof APIConnectionTimeoutError) {
    return { failure: { reason: 'timeout', detail: 'request timed out' }, retryable: true };
  }
  if (error instanceof APIConnectionError) {
    return { failure: { reason: 'unavailable', detail: `connection failed: ${message}` }, retryable: true };
  }
  if (error instanceof APIError && error.status !== undefined) {
    const { status, headers } = error;
    const detail = `HTTP ${status}: ${message}`;
    if (status === 429) {
      return { failure: { reason: 'rate_limited', detail }, retryable: true, headers };
    }
    if (status === 408) {
      return { failure: { reason: 'timeout', detail }, retryable: true, headers };
    }
    return {
      failure: { reason: 'unavailable', detail },
      retryable: status === 409 || status >= 500,
      headers,
    };
  }
  return { failure: { reason: 'unavailable', detail: message }, retryable: false };
}

export type CreateOpenAIClassifierOptions = Pick<
  OpenAIClassifierOptions,
  'retryBaseDelayMs' | 'maxRetryAfterMs' | 'temperature' | 'logger' | 'observer'
> & {
  /** An existing breaker (to share or inspect), or options for a new one. */
  breaker?: CircuitBreaker | CircuitBreakerOptions;
};

/** Builds the OpenAI client from the settings (SDK retries off) and wraps the classifier in a circuit breaker. */
export function createOpenAIClassifier(
  settings: LlmSettings,
  prompt: ClassifyPrompt,
  options: CreateOpenAIClassifierOptions = {},
): RemoteClassifier {
  const { breaker, ...rest } = options;
  const client = new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  const classifier = new OpenAIClassifier(client, {
    ...rest,
    model: settings.model,
    responseFormat: settings.responseFormat,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    prompt,
  });
  return withCircuitBreaker(
    classifier,
    breaker instanceof CircuitBreaker ? breaker : new CircuitBreaker(breaker),
  );
}
