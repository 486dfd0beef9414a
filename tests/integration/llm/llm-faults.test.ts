import { afterEach, describe, expect, it } from 'vitest';
import {
  completion,
  type FakeOpenAIServer,
  httpError,
  type ScriptedResponse,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { freePort } from '../../helpers/redis-process.js';
import { roomOfBuilding } from '../../helpers/rooms.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { askEveryMessage, VALID_REPLY } from './llm-test-setup.js';

/** Grievances in the three compounds, one fire, one bit of chatter. */
const REPORTS: Array<[number, string]> = [
  [3, '3号楼2单元楼道灯坏了好几天了，晚上黑乎乎的'],
  [8, '8号楼门口的垃圾桶满了没人清，味道很大'],
  [15, '15号楼电梯按钮失灵了，按了没反应'],
  [18, '18号楼单元门的门禁坏了，刷卡开不了'],
  [25, '25号楼楼顶渗水，我家天花板都湿了'],
];
const FIRE: [number, string] = [27, '27号楼3楼着火了，浓烟滚滚，快打119'];
const CHATTER: [number, string] = [5, '今天天气真不错，大家出去走走'];
/** An answer later than this after the message is late: the LLM budget for a message, and some slack. */
const BUDGET_MS = 1_000;
const LATE_MS = BUDGET_MS + 2_000;

let app: TestApp | undefined;
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.close();
  app = undefined;
  server = undefined;
});

const modes: Array<[string, () => ScriptedResponse]> = [
  ['refuses', () => completion('', { refusal: '抱歉，我无法处理这个请求。' })],
  ['fails (HTTP 500)', () => httpError(500)],
  ['hangs', () => ({ ...completion({ ...VALID_REPLY }), delayMs: 20_000 })],
  ['returns garbage', () => completion('好的！这是一条投诉。{"intent": 工单')],
  ['returns JSON of the wrong shape', () => completion({ intent: 'urgent!!', category: 42 })],
];

describe('an LLM that misbehaves costs nothing but time (figures printed)', () => {
  it.each(modes)(
    'a model that %s: nothing lost, nothing twice, nobody waits past the budget',
    async (mode, respond) => {
      server = await startFakeOpenAIServer();
      server.route = respond;
      app = await startTestApp({
        env: {
          ...askEveryMessage(server.baseURL),
          ...{
            LLM_TIMEOUT_MS: '15000',
            LLM_MESSAGE_BUDGET_MS: String(BUDGET_MS),
            OUTBOX_PER_MINUTE: '100000',
          },
        },
      });
      await expectNothingLost(app, mode);
      // the model was asked, and misbehaved
      expect(server.requests.length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('an endpoint nobody listens on: nothing lost either', async () => {
    const port = await freePort();
    app = await startTestApp({
      env: {
        ...askEveryMessage(`http://127.0.0.1:${port}/v1`),
        ...{ LLM_MESSAGE_BUDGET_MS: String(BUDGET_MS), OUTBOX_PER_MINUTE: '100000' },
      },
    });
    await expectNothingLost(app, 'is unreachable');
  }, 60_000);
});

async function expectNothingLost(a: TestApp, mode: string): Promise<void> {
  const saidAt = new Map<string, number>();
  for (const [b, text] of [...REPORTS, FIRE, CHATTER]) {
    saidAt.set(`住户${b}`, Date.now());
    a.world.say({ room: roomOfBuilding(b), from: `住户${b}`, text });
  }
  await a.settle(60_000);
  const tickets = await a.tickets.listTickets();
  const byBuilding = new Map<number, number>();
  for (const t of tickets) {
    byBuilding.set(t.location.building ?? 0, (byBuilding.get(t.location.building ?? 0) ?? 0) + 1);
  }
  const wanted = [...REPORTS, FIRE].map(([b]) => b);
  const lost = wanted.filter((b) => !byBuilding.has(b)).length;
  const duplicated = [...byBuilding.values()].filter((n) => n > 1).length;
  const answerMs = (b: number) => {
    const at = a.sent.findIndex((s) => s.mentions.includes(`住户${b}`));
    return at < 0 ? Number.POSITIVE_INFINITY : (a.sentWallMs[at] ?? 0) - (saidAt.get(`住户${b}`) ?? 0);
  };
  const late = wanted.filter((b) => answerMs(b) > LATE_MS).length;
  const fire = tickets.find((t) => t.location.building === FIRE[0]);
  const chatterTicket = byBuilding.has(CHATTER[0]);
  process.stdout.write(
    `fault llm ${mode}: ${REPORTS.length} reports and a fire: ${tickets.length} tickets, lost ${lost}, duplicated ${duplicated}, late ${late} (answer > ${LATE_MS} ms), chatter made a ticket: ${chatterTicket}\n`,
  );
  expect({ lost, duplicated, late, chatterTicket }).toEqual({
    lost: 0,
    duplicated: 0,
    late: 0,
    chatterTicket: false,
  });
  expect(fire?.intent).toBe('emergency');
}
