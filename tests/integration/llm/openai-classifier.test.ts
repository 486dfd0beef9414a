import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIClassifier } from '../../../src/llm/openai-classifier.js';
import {
  completion,
  type FakeOpenAIServer,
  httpError,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { FAST, prompt, testSettings, VALID_REPLY } from './llm-test-setup.js';

let server: FakeOpenAIServer;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
});

afterEach(async () => {
  await server.close();
});

const input = {
  text: '3号楼2单元电梯又停了，我电话13812345678，身份证110101199003071234',
  roomTopic: '幸福里一区业主群',
};

describe('OpenAIClassifier against the real SDK', () => {
  it('sends a strict json_schema request and maps a valid reply', async () => {
    server.enqueue(completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome).toEqual({
      success: true,
      data: expect.objectContaining({
        intent: 'grievance',
        category: 'elevator',
        body: 'property',
        tiao_kuai: 'block',
        location: { building: 3, unit: 2, room: null },
        compound: '幸福里一区',
        confidence: 0.91,
        source: 'llm',
      }),
    });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    expect(request?.body.model).toBe('shaozi-test-model');
    expect(request?.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'shaozi_classification', strict: true, schema: prompt.jsonSchema },
    });
  });

  it('sends the community facts in the system prompt and the resident text masked', async () => {
    server.enqueue(completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    await classifier.classify(input);

    const { messages } = server.requests[0]?.body ?? { messages: [] };
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain('幸福里二区：13–22号楼，无物业');
    expect(messages[0]?.content).toContain('锦程物业');
    expect(messages[0]?.content).toContain('明德路');
    const last = messages.at(-1);
    expect(last?.role).toBe('user');
    expect(last?.content).toContain('来源群：幸福里一区业主群');
    expect(last?.content).toContain('3号楼2单元电梯又停了，我电话138****5678，身份证[身份证号]');
    expect(JSON.stringify(server.requests[0]?.body)).not.toMatch(/13812345678|110101199003071234/);
  });

  it('logs the prompt version and never the resident text', async () => {
    server.enqueue(completion('不是 JSON'), completion(VALID_REPLY));
    const entries: object[] = [];
    const logger = { info: (obj: object) => entries.push(obj), warn: (obj: object) => entries.push(obj) };
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, { ...FAST, logger });

    await classifier.classify(input);

    expect(entries).toEqual([
      expect.objectContaining({ event: 'classify.reply.invalid', promptVersion: '1', request: 1 }),
      expect.objectContaining({ event: 'classify.llm.replied', promptVersion: '1', requests: 2 }),
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/13812345678|电梯又停了/);
  });

  it('sends json_object when the endpoint has no structured output', async () => {
    server.enqueue(completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(
      testSettings(server.baseURL, { responseFormat: 'json_object' }),
      prompt,
      FAST,
    );

    const outcome = await classifier.classify(input);

    expect(outcome.success).toBe(true);
    expect(server.requests[0]?.body.response_format).toEqual({ type: 'json_object' });
    expect(server.requests[0]?.body.messages[0]?.content).toContain('JSON');
  });

  it('asks once more after an answer that is not JSON, and uses the second answer', async () => {
    server.enqueue(completion('电梯坏了，应该找物业'), completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome.success).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['not JSON', completion('好的')],
    ['failing the schema', completion({ ...VALID_REPLY, category: 'lift' })],
    ['a refusal', completion('', { refusal: 'I cannot help with that' })],
  ])('gives up with invalid_output after exactly one retry of an answer %s', async (_what, reply) => {
    server.enqueue(reply, reply, completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'invalid_output' } });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 500 maxRetries times, then reports unavailable', async () => {
    const classifier = createOpenAIClassifier(testSettings(server.baseURL, { maxRetries: 2 }), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'unavailable' } });
    expect(server.requests).toHaveLength(3);
  });

  it('recovers when a retry after a 500 succeeds', async () => {
    server.enqueue(httpError(503), completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    expect((await classifier.classify(input)).success).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 401', async () => {
    server.enqueue(httpError(401));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'unavailable', detail: /HTTP 401/ } });
    expect(server.requests).toHaveLength(1);
  });

  it('waits for retry-after on a 429, then succeeds', async () => {
    server.enqueue(httpError(429, { 'retry-after': '0.2' }), completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome.success).toBe(true);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(190);
  });

  it('reports rate_limited once the 429 retries are used up', async () => {
    server.fallback = httpError(429, { 'retry-after-ms': '20' });
    const classifier = createOpenAIClassifier(testSettings(server.baseURL, { maxRetries: 1 }), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'rate_limited' } });
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait for a retry-after beyond the cap', async () => {
    server.enqueue(httpError(429, { 'retry-after': '3600' }), completion(VALID_REPLY));
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, FAST);
    const started = Date.now();

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'rate_limited' } });
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('times out a slow endpoint quickly, retrying within the budget', async () => {
    server.fallback = { ...completion(VALID_REPLY), delayMs: 5_000 };
    const classifier = createOpenAIClassifier(testSettings(server.baseURL, { maxRetries: 1 }), prompt, FAST);
    const started = Date.now();

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'timeout' } });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out when the headers arrive but the body stalls', async () => {
    server.enqueue({ ...completion(VALID_REPLY), bodyDelayMs: 5_000 });
    const classifier = createOpenAIClassifier(testSettings(server.baseURL, { maxRetries: 0 }), prompt, FAST);
    const started = Date.now();

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a refused connection as unavailable', async () => {
    const baseURL = server.baseURL;
    await server.close();
    const classifier = createOpenAIClassifier(testSettings(baseURL, { maxRetries: 1 }), prompt, FAST);

    const outcome = await classifier.classify(input);

    expect(outcome).toMatchObject({ success: false, error: { reason: 'unavailable' } });
    server = await startFakeOpenAIServer();
  });
});
