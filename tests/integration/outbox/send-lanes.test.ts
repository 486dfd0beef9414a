import { afterEach, describe, expect, it } from 'vitest';
import { asEmergency, noticeAbout, noticeTo, privateTo } from '../../../src/outbox/address.js';
import { groupReply, type Outbox, startOutbox, until } from '../../helpers/outbox-kit.js';

describe('the outbox lanes under one send budget', () => {
  let outbox: Outbox | undefined;

  afterEach(async () => {
    await outbox?.close();
    outbox = undefined;
  });

  it('sends emergencies, then replies, then notices, never more than the budget in any window', async () => {
    outbox = await startOutbox({ perMinute: 4, windowMs: 1_000 });
    const o = outbox;
    await o.queueMessages(Array.from({ length: 6 }, (_, i) => noticeTo('李明', `通知${i}`)));
    await o.queueMessages([1, 2, 3].map((i) => groupReply(`答复${i}`)));
    await o.queueMessages([1, 2].map((i) => asEmergency(privateTo('赵先生', `紧急${i}`))));

    o.start();
    await until(() => o.sent.length === 11, 15_000);

    expect(o.sent.map((m) => m.text)).toEqual([
      ...['紧急1', '紧急2'],
      ...['答复1', '答复2', '答复3'],
      ...Array.from({ length: 6 }, (_, i) => `通知${i}`),
    ]);
    for (const [i, first] of o.sent.entries()) {
      const inWindow = o.sent.slice(i).filter((m) => m.at < first.at + 1_000);
      expect(inWindow.length).toBeLessThanOrEqual(4);
    }
    // notices may fill a window only to 2 of 4: the rest is kept for replies and emergencies
    const notices = o.sent.filter((m) => m.text.startsWith('通知'));
    for (const [i, first] of notices.entries()) {
      expect(notices.slice(i).filter((m) => m.at < first.at + 1_000).length).toBeLessThanOrEqual(2);
    }
    expect(await o.tickets.pendingOutbox()).toEqual([]);
  }, 30_000);

  it('sends an emergency that arrives behind a held backlog of notices within seconds, and stops at once', async () => {
    outbox = await startOutbox({ perMinute: 20 });
    const o = outbox;
    await o.queueMessages(Array.from({ length: 200 }, (_, i) => noticeTo('李明', `通知${i}`)));
    o.start();
    // 16 of the minute's 20 go, then the notices wait for the minute to pass
    await until(() => o.sent.length === 16, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(o.sent).toHaveLength(16);

    const queuedAt = Date.now();
    await o.queueMessages([asEmergency(groupReply('紧急：请立即拨打119'))]);
    await until(() => o.sent.some((m) => m.text.startsWith('紧急')), 5_000);
    const reply = await o.queueMessages([groupReply('已受理')]);
    await until(() => o.sent.some((m) => m.text === '已受理'), 5_000);

    const emergency = o.sent.find((m) => m.text.startsWith('紧急'));
    expect((emergency?.at ?? Number.POSITIVE_INFINITY) - queuedAt).toBeLessThan(2_000);
    expect(o.sent).toHaveLength(18);
    expect((await o.tickets.getOutbox(reply[0] ?? 0))?.sentAt).toBeInstanceOf(Date);
    const stopping = Date.now();
    await o.stopWorkers();
    expect(Date.now() - stopping).toBeLessThan(2_000);
    expect(await o.queue.outboxBacklog()).toBe(200 - 16);
  }, 30_000);
});

describe('staff notices batched per person and window', () => {
  let outbox: Outbox | undefined;

  afterEach(async () => {
    await outbox?.close();
    outbox = undefined;
  });

  it("joins a person's notices of one window into one message, never an emergency or a reply", async () => {
    outbox = await startOutbox({ perMinute: 100, batchWindowMs: 800 });
    const o = outbox;
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const first = await o.queueMessages(
      [noticeTo('李明', '新工单 #1'), noticeTo('王芳', '新工单 #2')],
      at(0),
    );
    await o.queueMessages([asEmergency(noticeTo('李明', '紧急工单 #3'))], at(100));
    await o.queueMessages([noticeTo('李明', '提醒：工单 #1')], at(200));
    await o.queueMessages([groupReply('已受理 #1')], at(300));
    await o.queueMessages([noticeTo('王芳', '新工单 #4'), noticeTo('李明', '新工单 #5')], at(400));
    // the window of 李明's first notice is over: this one goes apart
    await o.queueMessages([noticeTo('李明', '新工单 #6')], at(1_500));

    o.start();
    await until(() => o.sent.length === 5, 10_000);

    expect(o.sent.slice(0, 2).map((m) => m.text)).toEqual(['紧急工单 #3', '已受理 #1']);
    const toLiMing = o.sent.filter((m) => m.to === '李明' && !m.text.startsWith('紧急'));
    expect(toLiMing.map((m) => m.text)).toEqual([
      '您有 3 条新通知，合并发送：\n【1】新工单 #1\n\n【2】提醒：工单 #1\n\n【3】新工单 #5',
      '新工单 #6',
    ]);
    expect(o.sent.filter((m) => m.to === '王芳').map((m) => m.text)).toEqual([
      '您有 2 条新通知，合并发送：\n【1】新工单 #2\n\n【2】新工单 #4',
    ]);
    // a notice waits out its window before it goes
    expect(o.sent.find((m) => m.text.includes('新工单 #2'))?.at).toBeGreaterThanOrEqual(t0 + 800);
    expect(await o.tickets.pendingOutbox()).toEqual([]);
    expect((await o.tickets.getOutbox(first[0] ?? 0))?.sentAt).toBeInstanceOf(Date);
  }, 30_000);

  it('joins everything to that person queued meanwhile when a notice waited past its window', async () => {
    outbox = await startOutbox({ perMinute: 100, batchWindowMs: 800 });
    const o = outbox;
    const t0 = Date.now();
    for (const [ago, text] of [
      [30_000, '新工单 #1'],
      [20_000, '新工单 #2'],
      [10_000, '提醒：工单 #1'],
    ] as const) {
      await o.queueMessages([noticeTo('李明', text)], new Date(t0 - ago));
    }

    o.start();
    await until(() => o.sent.length === 1, 10_000);
    await o.queue.waitIdle(10_000);

    expect(o.sent.map((m) => m.text)).toEqual([
      '您有 3 条新通知，合并发送：\n【1】新工单 #1\n\n【2】新工单 #2\n\n【3】提醒：工单 #1',
    ]);
  }, 30_000);

  it('lets a routine notice wait its longer window, unless a notice to that person goes first and takes it', async () => {
    outbox = await startOutbox({ perMinute: 100, batchWindowMs: 500, routineWindowMs: 2_500 });
    const o = outbox;
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const normal = { urgency: 'normal' } as const;
    const urgent = { urgency: 'urgent' } as const;
    expect(noticeAbout(normal, '李明', 'x').sendClass).toBe('routine');
    expect(noticeAbout(urgent, '李明', 'x').sendClass).toBe('notice');
    await o.queueMessages(
      [noticeAbout(normal, '王芳', '新工单 #1'), noticeAbout(normal, '李明', '新工单 #2')],
      at(0),
    );
    // an urgent ticket's notice to 李明 after his routine one: it goes at the end of its own short window,
    // first, taking the older routine notice along
    await o.queueMessages([noticeAbout(urgent, '李明', '新工单 #3【加急】')], at(200));
    await o.queueMessages([noticeAbout(normal, '王芳', '工单 #1 又有居民反映')], at(1_500));

    o.start();
    await until(() => o.sent.length === 2, 15_000);
    await o.queue.waitIdle(10_000);

    const toLiMing = o.sent.filter((m) => m.to === '李明');
    expect(toLiMing.map((m) => m.text)).toEqual([
      '您有 2 条新通知，合并发送：\n【1】新工单 #3【加急】\n\n【2】新工单 #2',
    ]);
    expect(toLiMing[0]?.at).toBeLessThan(t0 + 2_500);
    // 王芳's routine notices wait the routine window and go as one
    const toWangFang = o.sent.filter((m) => m.to === '王芳');
    expect(toWangFang.map((m) => m.text)).toEqual([
      '您有 2 条新通知，合并发送：\n【1】新工单 #1\n\n【2】工单 #1 又有居民反映',
    ]);
    expect(toWangFang[0]?.at).toBeGreaterThanOrEqual(t0 + 2_500);
    expect(await o.tickets.pendingOutbox()).toEqual([]);
  }, 30_000);
});
