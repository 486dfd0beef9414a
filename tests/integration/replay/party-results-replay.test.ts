import { describe, expect, it } from 'vitest';
import { replayScript } from '../../helpers/replay.js';

describe('shaozi replay: volunteers on real outcomes and the blocker ledger', () => {
  it('offers, claims, points for the confirmed result only, a blocker recorded, listed and cleared', async () => {
    const { lines, tickets } = await replayScript('tests/fixtures/replay/party-results.jsonl');
    const toPerson = (name: string) => lines.filter((l) => l.room === null && l.to === name);

    // the two tidying jobs of 第一网格 are offered to its party member, the 二区 repair to 第三网格's
    const offers = toPerson('杨帆').filter((l) => l.text.startsWith('【志愿服务】'));
    expect(offers.map((l) => l.text.match(/#(\d+)/)?.[1])).toEqual(['1', '2']);
    expect(offers[0]?.at).toBe('2026-11-30T09:00:00+08:00');
    expect(
      toPerson('马振华')
        .filter((l) => l.text.startsWith('【志愿服务】'))
        .map((l) => l.text.match(/#(\d+)/)?.[1]),
    ).toEqual(['3']);
    expect(toPerson('林悦').filter((l) => l.text.startsWith('【志愿服务】'))).toEqual([]);

    const [rubbish, weeds, leak] = tickets;
    expect(rubbish).toMatchObject({ status: 'closed', confirmation: 'satisfied' });
    expect(rubbish?.assignees).toContain('杨帆');
    expect(weeds).toMatchObject({ confirmation: 'unsatisfied', reopen_count: 1 });

    // the blocker: recorded, on the supervisor's list with its age, cleared, and the deadline moved out
    expect(leak?.events.map((e) => e.type)).toEqual(expect.arrayContaining(['blocked', 'unblocked']));
    expect(leak?.blocker).toBeNull();
    const list = toPerson('刘桂兰').find((l) => l.text.startsWith('未解决的卡点'));
    expect(list?.text).toBe(
      '未解决的卡点 1 件（卡得最久的在前）：\n#3 楼宇维修 幸福里二区15号楼 缺资金 已卡2天 蒋工：维修基金还在审批',
    );
    expect(toPerson('孙建国').some((l) => l.text.startsWith('【卡点】工单 #3'))).toBe(true);

    // points: 10 for the confirmed job (5 more when it was read as urgent: the classifier's call, not this
    // test's), nothing for the rejected one, shown against what was claimed
    const p = 10 + (rubbish?.urgency === 'urgent' ? 5 : 0);
    expect(toPerson('杨帆').at(-1)?.text).toMatch(
      new RegExp(
        `^【我的积分·本周 11月30日—12月6日】${p} 分：群众确认解决 1 件／认领 2 件（#1）\\n累计 ${p} 分。`,
      ),
    );
    expect(toPerson('刘桂兰').at(-1)?.text.split('\n')).toEqual([
      '【积分排行·本周 11月30日—12月6日】（分数：群众确认解决／认领）',
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
  }, 90_000);
});
