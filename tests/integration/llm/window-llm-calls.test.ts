import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASCADE_POLICY, decisiveConfidence } from '../../../src/classify/cascade-policy.js';
import { createLocalClassifier } from '../../../src/classify/local/local-classifier.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { askEveryMessage, VALID_REPLY } from './llm-test-setup.js';

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

let app: TestApp | undefined;
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.close();
});

const lastUserText = (body: { messages: Array<{ role: string; content: string }> }) =>
  body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
/** The texts the LLM was asked to classify (an answer phrased from the knowledge base is another request). */
const classified = (s: FakeOpenAIServer) =>
  s.requests.map((r) => lastUserText(r.body)).filter((t) => t.includes('<resident_message>'));

// The shipped model's readings these cases rest on are asserted first, so a retrained model that reads
// them otherwise fails with the reason, not with a call count.
const shipped = createLocalClassifier(loadDirectory());
const isRequest = (text: string) =>
  ['grievance', 'emergency'].includes(shipped.classifySync({ text }).intent);

describe('a message read with the chatter before it costs the LLM one call at most', () => {
  it('asks about a line alone when the line and the one before it are no request together', async () => {
    const lines = ['谁知道咋回事', '怎么回事啊'];
    expect(lines.map(isRequest)).toEqual([false, false]);
    // neither is chatter the model is sure of, so each is asked about
    for (const text of lines) {
      expect(decisiveConfidence(shipped.classifySync({ text }))).toBeLessThan(
        DEFAULT_CASCADE_POLICY.threshold,
      );
    }
    expect(isRequest(lines.join('，'))).toBe(false);
    server = await startFakeOpenAIServer();
    server.route = () => completion(CHATTER_REPLY);
    app = await startTestApp({ env: askEveryMessage(server.baseURL) });
    for (const text of lines) {
      await app.say({ room: YIQU, from: '刘阿姨', text });
    }

    // the window (the first line + the second) is only drafted locally; each line is asked about alone
    const asked = classified(server);
    expect(asked).toEqual(lines.map((l) => expect.stringContaining(l)));
    expect(asked[1]).not.toContain(lines[0]);
  }, 60_000);

  it('asks about the joined text once when the window makes the request (a place, then the fault)', async () => {
    expect(isRequest('3号楼2单元')).toBe(false);
    server = await startFakeOpenAIServer();
    server.route = (body) =>
      lastUserText(body).includes('电梯') ? completion(VALID_REPLY) : completion(CHATTER_REPLY);
    app = await startTestApp({ env: askEveryMessage(server.baseURL) });
    await app.say({ room: YIQU, from: '王阿姨', text: '3号楼2单元' });
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
