import { afterEach, describe, expect, it } from 'vitest';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';
import { askEveryMessage, VALID_REPLY } from './llm-test-setup.js';

const GROUP = '幸福里一区业主群';
/** Everyday grievances in different buildings: none is an emergency. */
const REPORTS = [
  '3号楼2单元楼道灯坏了好几天了，晚上黑乎乎的',
  '5号楼门口的垃圾桶满了没人清，味道很大',
  '8号楼电梯按钮失灵了，按了没反应',
  '10号楼楼下有辆车占了消防通道，停了两天了',
  '6号楼单元门的门禁坏了，刷卡开不了',
  '11号楼楼顶渗水，我家天花板都湿了',
];

let app: ChatApp | undefined;
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.close();
});

async function withLyingModel(lie: object): Promise<ChatApp> {
  server = await startFakeOpenAIServer();
  const reply = completion({ ...VALID_REPLY, ...lie });
  server.route = () => reply;
  return startInlineApp({ env: askEveryMessage(server.baseURL) });
}

async function reportAll(a: ChatApp): Promise<void> {
  for (const [i, text] of REPORTS.entries()) {
    await a.say({ room: GROUP, from: `住户${i}`, text });
  }
}

describe('a model that lies is kept within bounds', () => {
  it('calling every grievance an emergency raises no alarm', async () => {
    app = await withLyingModel({
      intent: 'emergency',
      urgency: 'emergency',
      category: 'fire_safety',
      body: 'fire',
    });
    await reportAll(app);
    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(REPORTS.length);
    expect(tickets.filter((t) => t.intent === 'emergency')).toEqual([]);
    expect(app.sent.filter((m) => m.text.includes('【紧急】'))).toEqual([]);
    expect(server?.requests.length).toBeGreaterThanOrEqual(REPORTS.length);
  });

  it('calling every grievance chatter loses none', async () => {
    app = await withLyingModel({ intent: 'chatter', category: 'none', body: 'none', urgency: 'none' });
    await reportAll(app);
    expect(await app.tickets.listTickets()).toHaveLength(REPORTS.length);
  });

  it('moving every report to building 25 moves none', async () => {
    app = await withLyingModel({ location: { building: 25, unit: 1, room: 101 }, compound: '锦苑' });
    await reportAll(app);
    const buildings = (await app.tickets.listTickets())
      .map((t) => t.location.building)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(buildings).toEqual([3, 5, 6, 8, 10, 11]);
  });
});
