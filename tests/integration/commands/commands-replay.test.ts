import { describe, expect, it } from 'vitest';
import { replayScript as replay } from '../../helpers/replay.js';

describe('shaozi replay of the ticket work commands', () => {
  it('report → 接单 → 进展 → 办结 with text → photo → 满意 closes the ticket with both evidences', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/commands-resolve-confirm.jsonl');

    const group = lines.filter((l) => l.room === '幸福里一区业主群');
    expect(group.map((l) => [l.at, l.mentions])).toEqual([
      ['2026-11-30T09:00:00+08:00', ['王阿姨']],
      ['2026-11-30T09:20:00+08:00', ['王阿姨']],
      ['2026-11-30T10:30:00+08:00', ['王阿姨']],
      ['2026-11-30T14:00:00+08:00', ['王阿姨']],
      ['2026-11-30T15:00:00+08:00', ['王阿姨']],
    ]);
    expect(group[0]?.text).toMatch(/^已收到您反映的电梯问题，工单 #1/);
    expect(group[1]?.text).toBe('您反映的工单 #1 已由安居物业魏经理接单办理。');
    expect(group[2]?.text).toBe('工单 #1 最新进展：维保师傅已到场，正在更换主板');
    expect(group[4]?.text).toMatch(/^感谢确认，工单 #1 已关闭/);
    expect(group[3]?.text).toContain('已更换电梯主板，试运行正常');
    expect(group[3]?.text).toContain('请回复「满意」或「不满意」（也可回复 1 或 2）');
    expect(lines.find((l) => l.to === '魏经理' && l.at === '2026-11-30T14:00:30+08:00')?.text).toBe(
      '照片已作为工单 #1 的办结佐证。',
    );
    expect(lines.every((l) => /#1/.test(l.text))).toBe(true);

    expect(tickets).toHaveLength(1);
    const [t] = tickets;
    expect(t).toMatchObject({
      number: 1,
      status: 'closed',
      confirmation: 'satisfied',
      responded_at: '2026-11-30T09:20:00+08:00',
      resolved_at: '2026-11-30T14:00:00+08:00',
      closed_at: '2026-11-30T15:00:00+08:00',
      reopen_count: 0,
    });
    expect(t?.evidence.map((e) => [e.kind, e.ref, e.by])).toEqual([
      ['text', '已更换电梯主板，试运行正常', '魏经理'],
      ['photo', expect.stringMatching(/-elevator-fixed\.jpg$/), '魏经理'],
    ]);
    expect(t?.events.map((e) => [e.actor, e.type])).toEqual([
      ['王阿姨', 'created'],
      ['魏经理', 'accept'],
      ['魏经理', 'progress'],
      ['魏经理', 'resolve'],
      ['魏经理', 'confirmation_requested'],
      ['魏经理', 'evidence_added'],
      ['王阿姨', 'confirm'],
    ]);
  });

  it('report → 退回 with a reason → the dispatcher re-routes by 转派 → 接单 by the new body’s liaison', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/commands-return-reroute.jsonl');

    const toDispatcher = lines.find((l) => l.to === '李明' && l.at === '2026-12-01T09:30:00+08:00');
    expect(toDispatcher?.text).toContain('这是加装电梯，不归物业维保');
    expect(lines.some((l) => l.to === '吴晓东' && l.text.includes('#1'))).toBe(true);
    const toHousing = lines.find((l) => l.to === '蒋工' && l.at === '2026-12-01T09:45:00+08:00');
    expect(toHousing?.text).toContain('加装电梯归住建管理');
    const accepted = lines.filter((l) => l.at === '2026-12-01T10:00:00+08:00');
    expect(accepted.map((l) => l.to ?? l.room)).toEqual(['蒋工', '幸福里一区业主群']);
    expect(accepted[1]?.text).toContain('区住房和城乡建设局蒋工');

    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      number: 1,
      status: 'accepted',
      body: 'housing',
      tiao_kuai: 'section',
      assignees: ['李明', '蒋工'],
      return_count: 1,
      transfer_count: 0,
      responded_at: '2026-12-01T10:00:00+08:00',
    });
    expect(tickets[0]?.events.map((e) => [e.actor, e.type, e.detail])).toEqual([
      ['王阿姨', 'created', expect.any(String)],
      ['魏经理', 'return', '这是加装电梯，不归物业维保'],
      ['李明', 'reroute', 'property → housing：加装电梯归住建管理'],
      ['蒋工', 'accept', '接单'],
    ]);
  });
});
