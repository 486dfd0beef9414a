import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatApp } from '../../helpers/inline-app.js';
import { exchange, GROUP_1, report, startCommandsApp, ticket, to } from './command-test-kit.js';

describe('points for confirmed results only (我的积分, 排行)', () => {
  let app: ChatApp;
  beforeEach(async () => {
    app = await startCommandsApp();
  });
  afterEach(async () => {
    await app.stop();
  });

  it('a claimed ticket the resident confirms earns points; one the resident rejects earns none', async () => {
    const rubbish = await report(app, '王阿姨', GROUP_1, '2号楼楼下垃圾堆了好几天没人清理，味道很大');
    const weeds = await report(app, '赵先生', GROUP_1, '5号楼前的绿化带杂草长得比人还高，好久没人修剪了');
    expect([rubbish.category, weeds.category]).toEqual(['sanitation', 'greenery']);

    for (const t of [rubbish, weeds]) {
      expect(to(await exchange(app, { from: '杨帆', text: `认领 ${t.number}` }), '杨帆')[0]?.text).toContain(
        '已认领',
      );
    }
    // claiming alone earns nothing
    expect(to(await exchange(app, { from: '杨帆', text: '我的积分' }), '杨帆')[0]?.text).toMatch(
      /^【我的积分·本月 .*】0 分：群众确认解决 0 件／认领 2 件\n累计 0 分。/,
    );

    await exchange(app, { from: '杨帆', text: `办结 ${rubbish.number} 已和保洁一起清运干净` });
    await exchange(app, { from: '王阿姨', room: GROUP_1, text: '满意' });
    await exchange(app, { from: '杨帆', text: `办结 ${weeds.number} 已修剪完毕，杂草已清走` });
    await exchange(app, { from: '赵先生', room: GROUP_1, text: '不满意 只剪了一半' });
    expect((await ticket(app, rubbish.number)).confirmation).toBe('satisfied');
    expect((await ticket(app, weeds.number)).confirmation).toBe('unsatisfied');

    // 10 for a confirmed result, 5 more for an urgent one (how urgent the report reads is the classifier's call)
    const p = 10 + (rubbish.urgency === 'urgent' || rubbish.urgency === 'emergency' ? 5 : 0);
    const mine = to(await exchange(app, { from: '杨帆', text: '我的积分' }), '杨帆')[0]?.text ?? '';
    expect(mine).toMatch(
      new RegExp(`】${p} 分：群众确认解决 1 件／认领 2 件（#${rubbish.number}）\\n累计 ${p} 分。`),
    );

    const board = to(await exchange(app, { from: '刘桂兰', text: '排行' }), '刘桂兰')[0]?.text ?? '';
    const lines = board.split('\n');
    expect(lines[0]).toMatch(/^【积分排行·本月 .*】（分数：群众确认解决／认领）$/);
    expect(lines.slice(1)).toEqual([
      '党员志愿者：',
      `1. 杨帆（第一网格党支部） ${p} 分：1／2`,
      '2. 何秀英 0 分：0／0',
      '3. 林悦（第四网格党支部） 0 分：0／0',
      '4. 马振华（第三网格党支部） 0 分：0／0',
      '5. 唐晓宇 0 分：0／0',
      '党支部：',
      `1. 第一网格党支部 ${p} 分：1／2（1 人）`,
      '2. 第三网格党支部 0 分：0／0（1 人）',
      '3. 第四网格党支部 0 分：0／0（1 人）',
    ]);
    // a resident may not see the board, and a branch secretary sees their own branch's members
    const secretary = to(await exchange(app, { from: '周涛', text: '排行 本月' }), '周涛')[0]?.text ?? '';
    expect(secretary).toContain('1. 林悦（第四网格党支部） 0 分：0／0');
    expect(secretary).toContain('2. 唐晓宇 0 分：0／0');
    expect(secretary).not.toContain('杨帆（');
    expect(await app.tickets.verifyAudit()).toMatchObject({ ok: true });
  });
});
