import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { createAnswerer, groundingProblem } from '../../../src/knowledge/answerer.js';
import type { KnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { knowledgeFileBeside, loadKnowledgeBase } from '../../../src/knowledge/load-knowledge.js';
import { createOpenAIAnswerPhraser } from '../../../src/llm/openai-answer-phraser.js';
import { silentLogger } from '../../../src/logger.js';
import {
  completion,
  type FakeOpenAIServer,
  httpError,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';
import { testSettings, VALID_REPLY } from './llm-test-setup.js';

const directory = loadDirectory();
const kb: KnowledgeBase = loadKnowledgeBase(knowledgeFileBeside('directory/xingfuli.yaml'), directory);
const GROUP = '幸福里一区业主群';
const HOURS = { text: '社区办公室周末几点上班？我电话13812345678', room: GROUP };
// the disability card's renewal is in the knowledge base, but the local readers are not sure enough of it
const RENEWAL = {
  text: '残疾证换证是在社区就能交材料还是得去区残联 我的证明年3月到期 要不要本人去',
  room: GROUP,
};

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await server.close();
});

const answerer = () =>
  createAnswerer(kb, createOpenAIAnswerPhraser(testSettings(server.baseURL), 'prompts'), silentLogger);

describe('answers phrased by an LLM from the retrieved entries only', () => {
  it('sends the question masked, as data, with the retrieved entries and a strict reply schema', async () => {
    server.enqueue(
      completion({
        answerable: true,
        entry_ids: ['office-hours'],
        answer: '周六9:00—12:00有人值班，周日休息。',
      }),
    );
    const found = await answerer().answer(HOURS);
    expect(found).toEqual({
      kind: 'answered',
      entryId: 'office-hours',
      title: '社区居委会办公时间',
      text: '周六9:00—12:00有人值班，周日休息。',
      body: 'committee',
    });
    const request = server.requests[0]?.body;
    expect(request?.model).toBe('shaozi-test-model');
    expect(request?.response_format?.type).toBe('json_schema');
    expect(request?.response_format?.json_schema?.name).toBe('shaozi_answer');
    expect(request?.response_format?.json_schema?.strict).toBe(true);
    const user = request?.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user).toContain('<question>');
    expect(user).toContain('138****5678');
    expect(user).not.toContain('13812345678');
    for (const passage of kb.passages(HOURS)) {
      expect(user).toContain(`[${passage.id}] ${passage.title}`);
    }
    expect(request?.messages[0]?.role).toBe('system');
  });

  it('a reply that says the entries do not answer turns the question over to a person', async () => {
    server.enqueue(completion({ answerable: false, entry_ids: [], answer: '' }));
    const found = await answerer().answer(HOURS);
    expect(found.kind).toBe('unanswered');
    // the local readers would have answered: the model's refusal wins, a wrong answer is worse than a person's
    expect(kb.answer(HOURS).kind).toBe('answered');
  });

  it('an answer with a number the cited entries do not hold is not shown; the local answer stands', async () => {
    server.enqueue(
      completion({
        answerable: true,
        entry_ids: ['office-hours'],
        answer: '周日也上班，电话0571-88888888。',
      }),
    );
    expect(await answerer().answer(HOURS)).toEqual(kb.answer(HOURS));
  });

  it('an answer citing an entry it was not given is not shown', async () => {
    server.enqueue(completion({ answerable: true, entry_ids: ['made-up-entry'], answer: '周日休息。' }));
    expect(await answerer().answer(HOURS)).toEqual(kb.answer(HOURS));
  });

  it('a failing or malformed endpoint leaves the local answer', async () => {
    server.enqueue(httpError(500), completion('not json at all'), completion({ answer: 'missing fields' }));
    for (let i = 0; i < 3; i++) {
      expect(await answerer().answer(HOURS)).toEqual(kb.answer(HOURS));
    }
    expect(server.requests).toHaveLength(3);
  });

  it('can answer a question the local readers leave open, from an entry it was given', async () => {
    expect(kb.answer(RENEWAL).kind).toBe('unanswered');
    server.enqueue(
      completion({
        answerable: true,
        entry_ids: ['disability-card-renew'],
        answer: '残疾证到期换证，带身份证、户口本、原残疾证和照片到社区党群服务中心一楼窗口申请即可。',
      }),
    );
    const found = await answerer().answer(RENEWAL);
    expect(found).toMatchObject({ kind: 'answered', entryId: 'disability-card-renew' });
  });
});

describe('groundingProblem', () => {
  const passages = [
    { id: 'a', title: '电话', text: '报修电话0571-86561001，每天8:00—18:00。', body: 'property' as const },
  ];
  it('accepts reworded facts and rejects invented ones', () => {
    expect(
      groundingProblem({ text: '报修请打０５７１-86561001，8:00到18:00', entryIds: ['a'] }, passages),
    ).toBeNull();
    expect(groundingProblem({ text: '报修请打0571-86561002', entryIds: ['a'] }, passages)).toMatch(
      /86561002/,
    );
    expect(groundingProblem({ text: '', entryIds: ['a'] }, passages)).toBe('empty answer');
    expect(groundingProblem({ text: '请打电话', entryIds: [] }, passages)).toBe('no entry cited');
    expect(groundingProblem({ text: '好'.repeat(301), entryIds: ['a'] }, passages)).toMatch(/301/);
  });
});

describe('in a group, with an LLM configured', () => {
  let app: ChatApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('the resident gets the phrased answer and no ticket opens', async () => {
    server.route = (body) =>
      body.response_format?.json_schema?.name === 'shaozi_answer'
        ? completion({
            answerable: true,
            entry_ids: ['office-hours'],
            answer: '周六上午9:00—12:00有人值班，周日休息。',
          })
        : completion({
            ...VALID_REPLY,
            intent: 'inquiry',
            category: 'consultation',
            body: 'committee',
            urgency: 'normal',
            location: { building: null, unit: null, room: null },
          });
    app = await startInlineApp({
      env: {
        LLM_BASE_URL: server.baseURL,
        LLM_API_KEY: 'sk-test',
        LLM_MODEL: 'shaozi-test-model',
        LLM_TIMEOUT_MS: '2000',
      },
    });
    await app.say({ room: GROUP, from: '王阿姨', text: '社区办公室周末几点上班？' });
    const replies = app.sent.filter((m) => m.room === GROUP).map((m) => m.text);
    expect(replies.some((t) => t.includes('周六上午9:00—12:00有人值班，周日休息。'))).toBe(true);
    expect(await app.tickets.listTickets()).toHaveLength(0);
    expect(server.requests.some((r) => r.body.response_format?.json_schema?.name === 'shaozi_answer')).toBe(
      true,
    );
  });
});
