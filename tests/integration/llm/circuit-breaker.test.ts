import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/classify/llm/circuit-breaker.js';
import { createOpenAIClassifier } from '../../../src/llm/openai-classifier.js';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { FAST, prompt, testSettings, VALID_REPLY } from './llm-test-setup.js';

let server: FakeOpenAIServer;
let clock: number;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
  clock = 0;
});

afterEach(async () => {
  await server.close();
});

function setup() {
  const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000, now: () => clock });
  const classifier = createOpenAIClassifier(testSettings(server.baseURL, { maxRetries: 0 }), prompt, {
    ...FAST,
    breaker,
  });
  return { breaker, classifier };
}

describe('circuit breaker around the real SDK', () => {
  it('opens after repeated failures; the next call makes no request', async () => {
    const { breaker, classifier } = setup();

    for (let i = 0; i < 3; i++) {
      await classifier.classify({ text: '停电了' });
    }
    const blocked = await classifier.classify({ text: '停电了' });

    expect(server.requests).toHaveLength(3);
    expect(blocked).toMatchObject({ success: false, error: { reason: 'circuit_open' } });
    expect(breaker.state).toBe('open');
  });

  it('lets one trial through after the cool-down and closes on success', async () => {
    const { breaker, classifier } = setup();
    for (let i = 0; i < 3; i++) {
      await classifier.classify({ text: '停电了' });
    }
    clock += 59_000;
    expect((await classifier.classify({ text: 'x' })).success).toBe(false);
    server.enqueue(completion(VALID_REPLY), completion(VALID_REPLY));

    clock += 1_000;
    const trial = await classifier.classify({ text: '电梯坏了' });
    const next = await classifier.classify({ text: '电梯坏了' });

    expect(trial.success).toBe(true);
    expect(next.success).toBe(true);
    expect(server.requests).toHaveLength(5);
    expect(breaker.state).toBe('closed');
  });

  it('re-opens when the trial fails', async () => {
    const { breaker, classifier } = setup();
    for (let i = 0; i < 3; i++) {
      await classifier.classify({ text: '停电了' });
    }
    clock += 60_000;

    await classifier.classify({ text: 'trial' });
    const after = await classifier.classify({ text: 'x' });

    expect(server.requests).toHaveLength(4);
    expect(after).toMatchObject({ success: false, error: { reason: 'circuit_open' } });
    expect(breaker.state).toBe('open');
  });

  it('a timeout counts as a failure', async () => {
    server.fallback = { ...completion(VALID_REPLY), delayMs: 5_000 };
    const { breaker, classifier } = setup();

    for (let i = 0; i < 3; i++) {
      await classifier.classify({ text: '停电了' });
    }

    expect(breaker.state).toBe('open');
  });
});
