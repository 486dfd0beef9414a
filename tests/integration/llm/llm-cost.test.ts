import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASCADE_POLICY, decisiveConfidence } from '../../../src/classify/cascade-policy.js';
import type { Classifier } from '../../../src/classify/classifier.js';
import { createLocalClassifier } from '../../../src/classify/local/local-classifier.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { createClassifier } from '../../../src/llm/create-classifier.js';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { testSettings, VALID_REPLY } from './llm-test-setup.js';

// The shipped model's readings these cases rest on are asserted first, so a retrained model that reads
// them otherwise fails here with the reason, not with a call count.
const directory = loadDirectory();
const shipped = createLocalClassifier(directory);

/** Faint signs of danger; the first the shipped model reads as an emergency check is the case. */
const FAINT_DANGER = ['楼道里有点味道', '楼道里有点烟', '楼下有点烟味，不知道哪来的', '走廊好像有点焦糊味'];
function checkText(): string {
  const text = FAINT_DANGER.find((t) => shipped.classifySync({ text: t }).emergency_check);
  expect(text, `one of ${FAINT_DANGER.join(' / ')} read as an emergency check`).toBeDefined();
  return text ?? '';
}
/** Vague complaints about noise; the first the shipped model reads as a grievance it is unsure of is the case. */
const VAGUE_NOISE = ['楼上那家天天吵', '隔壁最近老是吵', '楼下那家天天吵得很', '隔壁那家最近老是吵'];
function unsureText(): string {
  const text = VAGUE_NOISE.find((t) => {
    const local = shipped.classifySync({ text: t });
    return (
      local.intent === 'grievance' &&
      !local.emergency_check &&
      local.confidence < DEFAULT_CASCADE_POLICY.threshold
    );
  });
  expect(text, `one of ${VAGUE_NOISE.join(' / ')} read as an unsure grievance`).toBeDefined();
  return text ?? '';
}
const NOISE_REPLY = {
  ...VALID_REPLY,
  category: 'noise',
  body: 'police',
  location: { building: null, unit: null, room: null },
};

let server: FakeOpenAIServer;
let classifier: Classifier;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
  server.route = () => completion(NOISE_REPLY);
  const settings = testSettings(server.baseURL, {
    policy: { ...DEFAULT_CASCADE_POLICY, budget: 1, messageBudgetMs: 8_000, checkBudgetMs: 1_500 },
  });
  classifier = await createClassifier({
    directory,
    llm: settings,
    promptsDir: 'prompts',
    logger: pino({ level: 'silent' }),
  });
});

afterEach(async () => {
  await server.close();
});

describe('the cascade asks the LLM only where it pays', () => {
  it.each(['好的好的，辛苦了', '谢谢物业', '早上好，今天天气不错'])(
    'sends no request for %j, which the model is sure is no request',
    async (text) => {
      const local = shipped.classifySync({ text });
      const pRequest =
        (local.probabilities.grievance ?? 0) +
        (local.probabilities.emergency ?? 0) +
        (local.probabilities.inquiry ?? 0);

      const result = await classifier.classify({ text, roomTopic: '幸福里一区业主群' });

      expect(pRequest).toBeLessThan(0.05);
      expect(result.source).toBe('local');
      expect(server.requests).toHaveLength(0);
    },
  );

  it('still asks about an unsure grievance', async () => {
    const text = unsureText();

    const result = await classifier.classify({ text });

    expect(server.requests).toHaveLength(1);
    expect(result).toMatchObject({ source: 'llm', category: 'noise' });
  });

  it('still asks about a possible emergency (an emergency check), however sure the rest is', async () => {
    const text = checkText();

    const result = await classifier.classify({ text });

    expect(server.requests).toHaveLength(1);
    expect(result.source).toBe('llm');
  });

  it('asks once for a text repeated in the group, however it is spaced, and says the second came from the cache', async () => {
    const text = unsureText();
    const first = await classifier.classify({ text: `${text}！`, roomTopic: '幸福里一区业主群' });
    const second = await classifier.classify({
      text: `@社区哨子\u2005  ${text}  ！！`,
      roomTopic: '幸福里一区业主群',
    });

    expect(server.requests).toHaveLength(1);
    expect(first.source).toBe('llm');
    expect(second).toMatchObject({ source: 'llm-cache', category: 'noise' });
  });

  it('masks the phone number before the LLM, and the same text with it masked is a cache hit', async () => {
    const text = '隔壁那家最近老是吵，电话13812345678';
    // a reading the cascade asks about (asserted first: a retrained model that is sure of it fails here)
    expect(decisiveConfidence(shipped.classifySync({ text }))).toBeLessThan(DEFAULT_CASCADE_POLICY.threshold);
    await classifier.classify({ text });
    await classifier.classify({ text: '隔壁那家最近老是吵，电话 138 1234 5678' });

    const sent = JSON.stringify(server.requests.map((r) => r.body.messages.at(-1)));
    expect(server.requests).toHaveLength(1);
    expect(sent).not.toContain('13812345678');
    expect(sent).toContain('138****5678');
  });
});

describe('a draft reading', () => {
  it('is the local model alone: no request, whatever the policy would ask', async () => {
    const text = checkText();

    const draft = await classifier.classify({ text, draft: true });
    const full = await classifier.classify({ text });

    expect(draft).toMatchObject({ source: 'local', emergency_check: true });
    expect(server.requests).toHaveLength(1);
    expect(full.source).toBe('llm');
  });
});
