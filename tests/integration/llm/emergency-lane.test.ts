import { afterEach, describe, expect, it } from 'vitest';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { askEveryMessage, VALID_REPLY } from './llm-test-setup.js';

const GROUP = '幸福里一区业主群';
const VAGUE = [
  '那个东西又不行了，谁来看看',
  '咋又这样了',
  '楼下那个还没弄好吗',
  '物业能不能管管啊',
  '又来了又来了',
];

let app: TestApp | undefined;
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.close();
});

describe('emergencies first', () => {
  it('a fire reported after five vague messages is answered at once while the LLM hangs (figure printed)', async () => {
    server = await startFakeOpenAIServer();
    // a model that answers, but only after 20 s: every request hangs past every budget
    server.route = () => ({ ...completion({ ...VALID_REPLY }), delayMs: 20_000 });
    app = await startTestApp({
      env: {
        ...askEveryMessage(server.baseURL),
        ...{ LLM_TIMEOUT_MS: '15000', LLM_MESSAGE_BUDGET_MS: '1000' },
      },
    });
    VAGUE.forEach((text, i) => {
      app?.world.say({ room: GROUP, from: `住户${i}`, text });
    });
    await new Promise((r) => setTimeout(r, 200));
    const start = Date.now();
    app.world.say({ room: GROUP, from: '刘女士', text: '5号楼3楼着火了，浓烟滚滚，快打119' });
    let answeredMs = -1;
    let alertedMs = -1;
    while (Date.now() - start < 20_000 && (answeredMs < 0 || alertedMs < 0)) {
      if (
        answeredMs < 0 &&
        app.sent.some((m) => m.room === GROUP && m.mentions.includes('刘女士') && m.text.includes('119'))
      ) {
        answeredMs = Date.now() - start;
      }
      if (alertedMs < 0 && app.sent.some((m) => m.room === null && m.text.startsWith('【紧急】'))) {
        alertedMs = Date.now() - start;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    process.stdout.write(
      `emergency lane: with the LLM hanging and 5 vague messages ahead, the fire was answered in ${answeredMs} ms and staff alerted in ${alertedMs} ms\n`,
    );
    expect(answeredMs).toBeGreaterThanOrEqual(0);
    expect(answeredMs).toBeLessThan(2_000);
    expect(alertedMs).toBeGreaterThanOrEqual(0);
    expect(alertedMs).toBeLessThan(2_000);
    // the vague messages still end with the local answer once their LLM budget runs out
    await app.settle(60_000);
  }, 90_000);
});
