import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCascadeClassifier } from '../../../src/classify/cascade-classifier.js';
import type { Classifier } from '../../../src/classify/classifier.js';
import type { Classification } from '../../../src/labels/classification.js';
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

const unsureLocal: Classification = {
  intent: 'grievance',
  category: 'other',
  body: 'committee',
  tiao_kuai: 'block',
  urgency: 'normal',
  location: { building: 3, unit: null, room: null },
  compound: '幸福里一区',
  place: 'unknown',
  probabilities: {},
  emergency_check: false,
  confidence: 0.4,
  source: 'local',
  cues: [],
};
const local: Classifier = { classify: async () => unsureLocal };

function cascade(overrides: Parameters<typeof testSettings>[1] = {}) {
  const settings = testSettings(server.baseURL, overrides);
  const remote = createOpenAIClassifier(settings, prompt, FAST);
  return createCascadeClassifier({
    local,
    remote,
    policy: settings.policy,
    logger: pino({ level: 'silent' }),
  });
}

describe('cascade with the real SDK', () => {
  it('uses the LLM answer for an unsure local result', async () => {
    server.enqueue(completion(VALID_REPLY));

    const result = await cascade().classify({ text: '3号楼电梯停了' });

    expect(result).toMatchObject({ category: 'elevator', body: 'property', source: 'llm' });
  });

  it('falls back to the local result after bounded retries of a 500', async () => {
    server.fallback = httpError(500);

    const result = await cascade({ maxRetries: 1 }).classify({ text: '3号楼电梯停了' });

    expect(result).toMatchObject({ category: 'other', source: 'local-fallback' });
    expect(result.cues).toContain('llm-failed:unavailable');
    expect(server.requests).toHaveLength(2);
  });

  it('falls back quickly when the endpoint is slow', async () => {
    server.fallback = { ...completion(VALID_REPLY), delayMs: 5_000 };
    const started = Date.now();

    const result = await cascade({ maxRetries: 0 }).classify({ text: '3号楼电梯停了' });

    expect(result.source).toBe('local-fallback');
    expect(result.cues).toContain('llm-failed:timeout');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
