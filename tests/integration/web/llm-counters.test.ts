import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLlmCache } from '../../../src/llm/cached-classifier.js';
import { createOpenAIAnswerPhraser } from '../../../src/llm/openai-answer-phraser.js';
import { createOpenAIClassifier } from '../../../src/llm/openai-classifier.js';
import { createLlmCallCounters } from '../../../src/web/ops/llm-call-counters.js';
import {
  completion,
  type FakeOpenAIServer,
  httpError,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { FAST, prompt, testSettings, VALID_REPLY } from '../llm/llm-test-setup.js';

let server: FakeOpenAIServer;
let registry: Registry;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
  registry = new Registry();
});
afterEach(async () => {
  await server.close();
});

/** The counters' samples as `name{labels}` → value. */
async function counted(): Promise<Record<string, number>> {
  const metrics = await registry.getMetricsAsJSON();
  return Object.fromEntries(
    metrics.flatMap((m) =>
      m.values.map((v) => {
        const labels = Object.entries(v.labels).map(([k, l]) => `${k}="${l}"`);
        return [`${m.name}{${labels.join(',')}}`, v.value];
      }),
    ),
  );
}

const input = { text: '3号楼2单元电梯又停了', roomTopic: '幸福里一区业主群' };

describe('the LLM adapters report each request to the observer', () => {
  it('counts a classification answered, one refused with a 400, and each retry of a 500', async () => {
    const observer = createLlmCallCounters(registry);
    const classifier = createOpenAIClassifier(testSettings(server.baseURL, { maxRetries: 1 }), prompt, {
      ...FAST,
      observer,
    });
    server.enqueue(completion(VALID_REPLY), httpError(400), httpError(500), httpError(500));

    await classifier.classify(input);
    await classifier.classify(input);
    await classifier.classify(input);

    expect(server.requests).toHaveLength(4);
    expect(await counted()).toMatchObject({
      'shaozi_llm_requests_total{kind="classify"}': 4,
      'shaozi_llm_failures_total{kind="classify",reason="unavailable"}': 3,
      'shaozi_llm_failures_total{kind="classify",reason="invalid_output"}': 0,
      'shaozi_llm_requests_total{kind="answer"}': 0,
    });
  });

  it('counts a reply that is not the schema as invalid output, for both kinds', async () => {
    const observer = createLlmCallCounters(registry);
    const classifier = createOpenAIClassifier(testSettings(server.baseURL), prompt, { ...FAST, observer });
    const phraser = createOpenAIAnswerPhraser(testSettings(server.baseURL), 'prompts', observer);
    // the classifier asks once more after a bad reply, then takes the good one
    server.enqueue(completion('not json'), completion(VALID_REPLY));
    server.enqueue(completion({ answerable: true, entry_ids: [], answer: '周六有人值班' }));
    server.enqueue(completion({ wrong: 'shape' }));

    const classified = await classifier.classify(input);
    const answered = await phraser.phrase('社区办公室周末几点上班？', []);
    const refused = await phraser.phrase('社区办公室周末几点上班？', []);

    expect([classified.success, answered.kind, refused.kind]).toEqual([true, 'answer', 'failed']);
    expect(await counted()).toMatchObject({
      'shaozi_llm_requests_total{kind="classify"}': 2,
      'shaozi_llm_failures_total{kind="classify",reason="invalid_output"}': 1,
      'shaozi_llm_requests_total{kind="answer"}': 2,
      'shaozi_llm_failures_total{kind="answer",reason="invalid_output"}': 1,
      'shaozi_llm_failures_total{kind="answer",reason="unavailable"}': 0,
    });
  });

  it('counts a phrasing request that outlives its deadline as a timeout', async () => {
    const observer = createLlmCallCounters(registry);
    const phraser = createOpenAIAnswerPhraser(
      testSettings(server.baseURL, { timeoutMs: 100 }),
      'prompts',
      observer,
    );
    server.enqueue({ ...completion({ answerable: false, entry_ids: [], answer: '' }), delayMs: 400 });

    const reply = await phraser.phrase('社区办公室周末几点上班？', []);

    expect(reply.kind).toBe('failed');
    expect(await counted()).toMatchObject({
      'shaozi_llm_requests_total{kind="answer"}': 1,
      'shaozi_llm_failures_total{kind="answer",reason="timeout"}': 1,
    });
  });

  it('counts an answer served from the cache as a hit, not a request', async () => {
    const observer = createLlmCallCounters(registry);
    const classifier = withLlmCache(
      createOpenAIClassifier(testSettings(server.baseURL), prompt, { ...FAST, observer }),
      {
        maxEntries: 10,
        ttlMs: 60_000,
        observer,
      },
    );
    server.enqueue(completion(VALID_REPLY));

    await classifier.classify(input);
    const again = await classifier.classify({ ...input, text: `@社区哨子 ${input.text}  ` });

    expect(again).toMatchObject({ success: true, data: { source: 'llm-cache' } });
    expect(server.requests).toHaveLength(1);
    expect(await counted()).toMatchObject({
      'shaozi_llm_requests_total{kind="classify"}': 1,
      'shaozi_llm_cache_hits_total{kind="classify"}': 1,
      'shaozi_llm_cache_hits_total{kind="answer"}': 0,
    });
  });
});
