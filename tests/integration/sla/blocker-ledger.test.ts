import { afterEach, describe, expect, it } from 'vitest';
import { toTicketJson } from '../../../src/tickets/ticket-json.js';
import { type ClockedApp, privateTo, startClockedApp, t } from './timers-helpers.js';

const GROUP_2 = '幸福里二区居民群';

let app: ClockedApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const say = async (a: ClockedApp, from: string, text: string, room: string | null = null) => {
  const mark = a.sent.length;
  await a.say({ from, room, text });
  return a.sent.slice(mark);
};

describe('the blocker ledger (卡点)', () => {
  it('records why a ticket is stuck, stops its resolution clock, lists it oldest first and clears it', async () => {
    app = await startClockedApp('2026-11-30 09:00', { env: { OUTBOX_PER_MINUTE: '100000' } });
    const a = app;
    await say(a, '王阿姨', '15号楼顶楼漏水，屋顶渗水到家里', GROUP_2);
    await say(a, '刘大爷', '18号楼单元门坏了关不上', GROUP_2);
    const [leak] = await a.tickets.listTickets();
    expect(leak).toMatchObject({ number: 1, body: 'housing', grid: '第三网格' });
    const holder = leak?.assignees.find((n) => n !== '王芳') ?? '';
    await say(a, holder, '接单 1');
    const due = (await a.tickets.getTicket(1))?.resolveBy as Date;

    await a.advance('2026-12-01 10:00');
    const recorded = await say(a, holder, '卡点 1 资金 维修基金还在审批，预计两周');
    expect(recorded.find((m) => m.to === holder)?.text).toContain('办结时限暂停计时');
    // the grid worker and the grid's party branch secretary hear of it
    for (const name of ['王芳', '孙建国']) {
      expect(recorded.find((m) => m.to === name)?.text).toBe(
        `【卡点】工单 #1【楼宇维修】幸福里二区15号楼\n${holder}登记：缺资金——维修基金还在审批，预计两周`,
      );
    }
    expect(toTicketJson((await a.tickets.getTicket(1)) as never, await a.tickets.events(1)).blocker).toEqual({
      reason: 'money',
      note: '维修基金还在审批，预计两周',
      by: holder,
      since: '2026-12-01T10:00:00+08:00',
    });

    // well past the old deadline: no overdue mark, no escalation while it stands
    await a.advance('2026-12-14 10:00');
    expect(await a.events(1, 'overdue')).toEqual([]);
    expect(await a.events(1, 'escalated')).toEqual([]);
    // ticket 2, stuck with no blocker recorded, went overdue meanwhile
    expect((await a.events(2, 'overdue')).length).toBeGreaterThan(0);

    const list = await say(a, '刘桂兰', '卡点清单');
    expect(list).toHaveLength(1);
    expect(list[0]?.text).toBe(
      `未解决的卡点 1 件（卡得最久的在前）：\n#1 楼宇维修 幸福里二区15号楼 缺资金 已卡13天 ${holder}：维修基金还在审批，预计两周`,
    );
    // the daily digest carries it too
    await a.timers.run('daily_digest');
    await a.settle();
    const digest = a.sent.filter((m) => m.room === '社区治理督办群').at(-1)?.text ?? '';
    expect(digest).toContain('未解决的卡点 1 件');
    // the overdue list holds ticket 2 only: ticket 1's clock stands still
    const late = await say(a, '刘桂兰', '超时');
    expect(late[0]?.text).toMatch(/^超时工单 1 件/);
    expect(late[0]?.text).toContain('#2 ');

    // a resident cannot clear it; the holder can, and the deadline moves out by the time it stood
    const refused = await say(a, '王阿姨', '解除卡点 1');
    expect(refused[0]?.text).not.toContain('已解除');
    const cleared = await say(a, holder, '解除卡点 1 基金已批');
    expect(cleared.find((m) => m.to === holder)?.text).toContain('卡点已解除');
    expect(privateTo(a, '王芳').at(-1)?.text).toBe(
      `工单 #1（幸福里二区15号楼）的卡点已由${holder}解除：基金已批，请继续办理。`,
    );
    const after = await a.tickets.getTicket(1);
    expect(after?.resolveBy?.getTime()).toBeGreaterThan(t('2026-12-14 10:00').getTime());
    expect(after?.resolveBy?.getTime()).toBeGreaterThan(due.getTime());
    expect(toTicketJson(after as never, await a.tickets.events(1)).blocker).toBeNull();
    expect((await say(a, '刘桂兰', '卡点清单'))[0]?.text).toBe('您负责的范围内目前没有未解决的卡点。');
    expect(await a.tickets.verifyAudit()).toMatchObject({ ok: true });
  }, 60_000);
});
