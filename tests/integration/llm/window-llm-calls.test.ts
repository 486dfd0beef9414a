import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASCADE_POLICY, decisiveConfidence } from '../../../src/classify/cascade-policy.js';
import { createLocalClassifier } from '../../../src/classify/local/local-classifier.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';
import { askEveryMessage, lastUserText, VALID_REPLY } from './llm-test-setup.js';

const YIQU = '幸福里一区业主群';
const CHATTER_REPLY = {
  ...VALID_REPLY,
  intent: 'chatter',
  category: 'none',
  body: 'none',
  urgency: 'none',
  location: { building: null, unit: null, room: null },
  reason: '闲聊',
};

let app: ChatApp | undefined;
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.close();
});

/** The texts the LLM was asked to classify (an answer phrased from the knowledge base is another request). */
const classified = (s: FakeOpenAIServer) =>
  s.requests.map((r) => lastUserText(r.body)).filter((t) => t.includes('<resident_message>'));

// The shipped model's readings these cases rest on are asserted first, so a retrained model that reads
// them otherwise fails with the reason, not with a call count.
const shipped = createLocalClassifier(loadDirectory());
/** Vague group lines; the test takes two the shipped model reads as it needs (it asserts there are two). */
const VAGUE = [
  '咋回事呀',
  '这是啥',
  '怎么个事',
  '谁知道咋回事',
  '怎么回事啊',
  '大家知道是什么情况吗',
  '什么情况啊',
  '又来了',
  '这个咋弄',
  '啥情况',
  '咋整',
  '啥时候的事',
  '这咋办呢',
  '谁晓得咋回事哦',
];
const isRequest = (text: string) =>
  ['grievance', 'emergency'].includes(shipped.classifySync({ text }).intent);

describe('a message read with the chatter before it costs the LLM one call at most', () => {
  it('asks about a line alone when the line and the one before it are no request together', async () => {
    // two vague lines the model is unsure of (each asked about) and that make no request together; the
    // first read as chatter, so that it stays in the sender's window when the second comes
    const unsure = (text: string) =>
      !isRequest(text) &&
      decisiveConfidence(shipped.classifySync({ text })) < DEFAULT_CASCADE_POLICY.threshold;
    const candidates = VAGUE.filter(unsure);
    const lines = candidates
      .filter((a) => shipped.classifySync({ text: a }).intent === 'chatter')
      .flatMap((a) => candidates.filter((b) => b !== a).map((b) => [a, b]))
      .find(([a, b]) => !isRequest(`${a}，${b}`));
    expect(lines, `two of ${VAGUE.join(' / ')} the model is unsure of`).toBeDefined();
    if (!lines) {
      return;
    }
    server = await startFakeOpenAIServer();
    server.route = () => completion(CHATTER_REPLY);
    app = await startInlineApp({ env: askEveryMessage(server.baseURL) });
    for (const text of lines) {
      await app.say({ room: YIQU, from: '刘阿姨', text });
    }

    // the window (the first line + the second) is only drafted locally; each line is asked about alone
    const asked = classified(server);
    expect(asked).toEqual(lines.map((l) => expect.stringContaining(l)));
    expect(asked[1]).not.toContain(lines[0]);
  }, 60_000);

  it('asks about the joined text once when the window makes the request (a place, then the fault)', async () => {
    // (a bare 「3号楼2单元」 now sits in the emergency grey zone: see docs/classifier.md, known limits)
    expect(isRequest('我家是3号楼2单元')).toBe(false);
    server = await startFakeOpenAIServer();
    server.route = (body) =>
      lastUserText(body).includes('电梯') ? completion(VALID_REPLY) : completion(CHATTER_REPLY);
    app = await startInlineApp({ env: askEveryMessage(server.baseURL) });
    await app.say({ room: YIQU, from: '王阿姨', text: '我家是3号楼2单元' });
    await app.say({ room: YIQU, from: '王阿姨', text: '电梯又坏了，老人下不了楼' });

    // the place alone is chatter the model is sure of (never asked); the fault is asked about once, joined
    const asked = classified(server);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('3号楼2单元');
    expect(asked[0]).toContain('电梯又坏了');
    const [ticket] = await app.tickets.listTickets();
    expect(ticket).toMatchObject({ category: 'elevator', location: { building: 3, unit: 2 } });
  }, 60_000);
});
