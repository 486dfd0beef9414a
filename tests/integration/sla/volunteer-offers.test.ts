import { afterEach, describe, expect, it } from 'vitest';
import { OFFERS_PER_DAY } from '../../../src/routing/volunteer-offers.js';
import { type ClockedApp, GROUP, privateTo, startClockedApp } from './timers-helpers.js';

let app: ClockedApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const offers = (a: ClockedApp, name: string) =>
  privateTo(a, name).filter((m) => m.text.startsWith('【志愿服务】'));

describe('volunteer tickets offered to the party members of the grid (激励引导)', () => {
  it('offers each suitable ticket once, in its own grid, and nobody more than the daily cap', async () => {
    app = await startClockedApp('2026-11-30 09:00', { env: { OUTBOX_PER_MINUTE: '100000' } });
    const a = app;
    // four tidying jobs in 第一网格 (buildings 1–6), a lift fault there, and a tidying job in 二区 (第三网格)
    for (const [who, text] of [
      ['住户1', '1号楼楼下垃圾堆了好几天没人清理，味道很大'],
      ['住户2', '2号楼门口的绿化带杂草长得比人还高，好久没人修剪了'],
      ['住户3', '3号楼楼下的垃圾桶满了溢出来了，好几天没人收'],
      ['住户4', '4号楼旁边草坪上一堆建筑垃圾没人清'],
      ['住户5', '5号楼电梯又坏了，老人下不了楼'],
    ]) {
      await a.say({ from: who as string, room: GROUP, text: text as string });
    }
    await a.say({ from: '住户15', room: '幸福里二区居民群', text: '15号楼门口垃圾桶满了好几天没人清' });
    const tickets = await a.tickets.listTickets();
    const tidyIn1 = tickets.filter((t) => t.grid === '第一网格' && t.category !== 'elevator');
    expect(tidyIn1).toHaveLength(4);

    await a.advance('2026-11-30 09:05');
    // 杨帆 (第一网格党支部) is offered the day's cap, oldest first; 马振华 the 二区 job; nobody the lift
    expect(offers(a, '杨帆').map((m) => m.text.match(/#(\d+)/)?.[1])).toEqual(
      tidyIn1.slice(0, OFFERS_PER_DAY).map((t) => String(t.number)),
    );
    expect(offers(a, '马振华')).toHaveLength(1);
    expect(offers(a, '马振华')[0]?.text).toContain('幸福里二区15号楼');
    expect(offers(a, '林悦')).toEqual([]);
    expect(a.sent.some((m) => m.text.includes('【志愿服务】') && m.text.includes('电梯'))).toBe(false);
    // a second sweep the same day offers nothing again
    await a.advance('2026-11-30 12:00');
    expect(offers(a, '杨帆')).toHaveLength(OFFERS_PER_DAY);

    // the next day the fourth is offered; each ticket records whom it was offered to
    await a.advance('2026-12-01 09:00');
    expect(offers(a, '杨帆')).toHaveLength(4);
    const fourth = tidyIn1[3]?.number ?? 0;
    expect((await a.events(fourth, 'volunteer_offered')).map((e) => JSON.parse(e.detail))).toEqual([
      { to: ['杨帆'], group: '党员志愿者群' },
    ]);
    // the volunteers' group saw each offer once: four on the first day, the fourth ticket the next
    const inGroup = a.sent.filter((m) => m.room === '党员志愿者群' && m.text.startsWith('【志愿服务】'));
    expect(inGroup).toHaveLength(5);
    expect(inGroup.at(-1)?.text).toContain(`私聊我回复「认领 ${fourth}」`);

    // an offer is claimable; a claimed ticket is not offered again
    await a.say({ from: '杨帆', room: null, text: `认领 ${fourth}` });
    expect((await a.tickets.getTicket(fourth))?.assignees).toContain('杨帆');
    expect(await a.tickets.verifyAudit()).toMatchObject({ ok: true });
  }, 60_000);
});

describe('the monthly summary to each branch', () => {
  it('names its members’ confirmed results of the month just ended, once', async () => {
    app = await startClockedApp('2026-11-27 09:00', { env: { OUTBOX_PER_MINUTE: '100000' } });
    const a = app;
    await a.say({ from: '住户1', room: GROUP, text: '1号楼楼下垃圾堆了好几天没人清理，味道很大' });
    await a.say({ from: '杨帆', room: null, text: '认领 1' });
    await a.say({ from: '杨帆', room: null, text: '办结 1 已和保洁一起清运干净' });
    await a.say({ from: '住户1', room: GROUP, text: '满意' });
    const done = await a.tickets.getTicket(1);
    expect(done?.confirmation).toBe('satisfied');
    // 10 for a confirmed result, 5 more for an urgent one (how urgent the report reads is the classifier's call)
    const p = 10 + (done?.urgency === 'urgent' || done?.urgency === 'emergency' ? 5 : 0);

    a.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    await a.timers.run('monthly_branch_summary');
    await a.timers.run('monthly_branch_summary');
    await a.settle();
    const toZhao = privateTo(a, '赵红梅').filter((m) => m.text.includes('月报'));
    expect(toZhao.map((m) => m.text)).toEqual([
      `【第一网格党支部·党员志愿服务月报 11月1日—11月30日】\n杨帆：${p} 分，群众确认解决 1 件／认领 1 件（#1）\n积分只计群众确认解决的工单。`,
    ]);
    const toSun = privateTo(a, '孙建国').filter((m) => m.text.includes('月报'));
    expect(toSun[0]?.text).toContain('马振华：0 分，群众确认解决 0 件／认领 0 件');
  }, 60_000);
});
