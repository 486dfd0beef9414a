import { afterEach, describe, expect, it } from 'vitest';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { askEveryMessage, lastUserText, VALID_REPLY } from './llm-test-setup.js';

const YIQU = '幸福里一区业主群';
const JINYUAN = '锦苑邻里群';
const SLOW_MS = 2_500;

let app: TestApp | undefined;
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await app?.stop();
  await server?.close();
});

describe('intake reads compounds side by side and each conversation in order, asking the model ahead', () => {
  it('a slow model for one compound does not hold up another; one sender’s messages stay in order (figures printed)', async () => {
    server = await startFakeOpenAIServer();
    server.route = (body) => {
      const text = lastUserText(body);
      if (text.includes('路灯')) {
        return completion({
          ...VALID_REPLY,
          category: 'road_facility',
          body: 'property',
          urgency: 'normal',
          location: { building: 25, unit: null, room: null },
          compound: '锦苑',
          reason: '路灯不亮',
        });
      }
      return { ...completion({ ...VALID_REPLY }), delayMs: SLOW_MS };
    };
    app = await startTestApp({ env: { ...askEveryMessage(server.baseURL), INTAKE_PARTITIONS: '4' } });
    const start = Date.now();
    app.world.say({ room: YIQU, from: '王阿姨', text: '3号楼的电梯又坏了，老人下不了楼' });
    app.world.say({ room: YIQU, from: '王阿姨', text: '在2单元' });
    // a neighbour tells the same fault at the same moment: read after 王阿姨's report, it joins her ticket
    app.world.say({ room: YIQU, from: '陈大爷', text: '3号楼电梯停了，又得爬楼' });
    await new Promise((r) => setTimeout(r, 100));
    app.world.say({ room: JINYUAN, from: '李先生', text: '25号楼门口的路灯不亮了好几天了' });
    const answeredAt = async (name: string) => {
      while (Date.now() - start < 30_000) {
        if (app?.sent.some((m) => m.mentions.includes(name) && /工单 #\d/.test(m.text))) {
          return Date.now() - start;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return -1;
    };
    const [lampMs, liftMs] = await Promise.all([answeredAt('李先生'), answeredAt('王阿姨')]);
    await app.settle(60_000);
    process.stdout.write(
      `intake concurrency: with the model taking ${SLOW_MS} ms on 一区's messages, 锦苑's lamp was answered in ${lampMs} ms and 一区's lift in ${liftMs} ms\n`,
    );
    expect(lampMs).toBeGreaterThanOrEqual(0);
    expect(liftMs).toBeGreaterThanOrEqual(SLOW_MS);
    expect(lampMs).toBeLessThan(liftMs);
    expect(lampMs).toBeLessThan(SLOW_MS);

    // 王阿姨's second message was read after her first, so it completed her report instead of standing alone
    const tickets = await app.tickets.listTickets();
    const lift = tickets.filter((t) => t.category === 'elevator');
    expect(lift).toHaveLength(1);
    expect(lift[0]).toMatchObject({ location: { building: 3, unit: 2 }, coReporters: ['陈大爷'] });
    // one compound's messages were read in order, but the model was asked about them as they arrived
    // (look-ahead), side by side, not each after the one before had been read
    const asked = server.requests.filter((r) => !lastUserText(r.body).includes('路灯')).map((r) => r.at);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect((asked[1] ?? 0) - (asked[0] ?? 0)).toBeLessThan(SLOW_MS);
    expect(tickets.filter((t) => t.location.building === 25)).toHaveLength(1);
  }, 90_000);
});
