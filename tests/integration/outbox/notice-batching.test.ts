import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const GROUP = '幸福里一区业主群';

describe('staff notices on the real pipeline with a batch window', () => {
  let app: TestApp | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('tells the grid worker of two new tickets in one message, and answers each resident at once', async () => {
    // two tickets of normal urgency: their notices are routine and wait the routine window
    app = await startTestApp({ env: { OUTBOX_BATCH_WINDOW_S: '1', OUTBOX_ROUTINE_WINDOW_S: '2' } });
    const a = app;
    const said = Date.now();

    a.world.say({ from: '王阿姨', room: GROUP, text: '3号楼2单元的电梯又坏了，老人下不了楼' });
    a.world.say({ from: '张大爷', room: GROUP, text: '3号楼1单元楼道灯坏了好几天了，晚上黑漆漆的' });
    await a.settle();

    const [first, second] = await a.tickets.listTickets();
    const answers = a.sent
      .map((m, i) => ({ m, at: a.sentWallMs[i] ?? 0 }))
      .filter(({ m }) => m.room === GROUP);
    expect(answers.map(({ m }) => m.mentions)).toEqual([['王阿姨'], ['张大爷']]);
    const toLiMing = a.sent.filter((m) => m.to === '李明');
    const noticeAt = a.sentWallMs[a.sent.findIndex((m) => m.to === '李明')] ?? 0;
    // the residents are answered at once; the notice waits out the routine window of 2 s
    expect(answers.every(({ at }) => at - said < 1_500 && at < noticeAt)).toBe(true);
    expect(noticeAt - said).toBeGreaterThanOrEqual(2_000);
    expect(toLiMing).toHaveLength(1);
    expect(toLiMing[0]?.text).toMatch(/^您有 2 条新通知，合并发送：\n【1】新工单 #\d+/);
    expect(toLiMing[0]?.text).toContain(`新工单 #${first?.number}`);
    expect(toLiMing[0]?.text).toContain(`新工单 #${second?.number}`);
    expect(await a.tickets.pendingOutbox()).toEqual([]);
  }, 60_000);
});
