import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKyselyTicketStore, SQLITE_FILE_NAME } from '../../../src/store/open-ticket-store.js';
import type { TicketJson } from '../../../src/tickets/ticket-json.js';
import { replayScript, type TranscriptLine } from '../../helpers/replay.js';

/**
 * 条块融合 on a simulated week: #1 (an urgent lift in 第一网格) is whistled to 派出所 and 住建 and closed
 * with 满意; #2 (a 二区 roof leak in 第三网格) is never accepted and climbs to its branch secretary. Then the
 * branch secretaries list their grids, and a supervisor asks for 联席 and 统计 本周.
 */
describe('replay: paired party organisations in the loop', () => {
  let outDir: string;
  let lines: TranscriptLine[];
  let tickets: TicketJson[];
  const said = (at: string, to: string) =>
    lines.filter((l) => l.at.startsWith(`2026-${at}`) && l.to === to).map((l) => l.text);

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'shaozi-party-orgs-'));
    ({ lines, tickets } = await replayScript('tests/fixtures/replay/party-orgs-joint.jsonl', outDir));
  });

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('tells the paired party organisations of the bodies called by 吹哨, and the grid party branch', () => {
    const police = said('11-30T09:10', '韩警官');
    expect(police).toHaveLength(1);
    expect(police[0]).toContain('请于 11月30日 09:40 前回复「报到 1」');
    expect(police[0]).toContain('请同时转告明德派出所党支部（双报到单位）');
    expect(said('11-30T09:10', '蒋工')[0]).toContain('请同时转告区住房和城乡建设局党支部（双报到单位）');
    expect(said('11-30T09:10', '赵红梅')).toEqual([
      '【吹哨·党建联动】第一网格党支部：工单 #1【电梯】幸福里一区3号楼2单元「3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院」\n' +
        '李明已吹哨召集明德派出所、区住房和城乡建设局联合办理，请组织党员配合。',
    ]);
    expect(said('11-30T09:10', '李明')).toEqual([
      '工单 #1 已吹哨，已通知：明德派出所、区住房和城乡建设局；党组织：明德派出所党支部、区住房和城乡建设局党支部。',
    ]);
    const called = tickets[0]?.events.find((e) => e.type === 'whistle_called');
    expect(called?.detail).toBe(
      'police（韩警官；明德派出所党支部→韩警官）、housing（蒋工；区住房和城乡建设局党支部→蒋工）',
    );
  });

  it('shows every ticket’s party organisations in the ticket JSON', () => {
    expect(tickets.map((t) => [t.number, t.party_branch, t.paired_party_org])).toEqual([
      [1, '第一网格党支部', '安居物业党支部'],
      [2, '第三网格党支部', '区住房和城乡建设局党支部'],
    ]);
    expect(tickets[0]?.party_orgs).toEqual([
      { name: '第一网格党支部', role: 'grid_branch', body: null, contact: '赵红梅' },
      { name: '安居物业党支部', role: 'paired', body: 'property', contact: '魏经理' },
      { name: '明德派出所党支部', role: 'joint', body: 'police', contact: '韩警官' },
      { name: '区住房和城乡建设局党支部', role: 'joint', body: 'housing', contact: '蒋工' },
    ]);
  });

  it('tells a branch secretary of an urgent ticket of the grid, not of a normal one', () => {
    expect(said('11-30T09:00', '赵红梅')).toEqual([
      '【网格急件】工单 #1【电梯】幸福里一区3号楼2单元「3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院」\n' +
        '由安居物业（魏经理）办理，网格员已收到。请第一网格党支部关注督促，发「查询 1」可看全过程。',
    ]);
    expect(said('11-30T09:30', '孙建国')).toEqual([]);
    expect(said('12-01T09:30', '孙建国')[0]).toMatch(/^【督办】工单 #2/);
    expect(lines.filter((l) => l.to === '孙建国' && l.text.startsWith('【督办】'))).toHaveLength(1);
  });

  it('lists a branch secretary the grid’s tickets in hand with 我的工单', () => {
    expect(said('11-30T10:00', '赵红梅')).toEqual([
      '第一网格在办工单（1）：\n#1 电梯｜幸福里一区3号楼2单元｜办理中｜安居物业（李明、魏经理）',
    ]);
    expect(said('11-30T10:01', '孙建国')).toEqual([
      '第三网格在办工单（1）：\n#2 楼宇维修｜幸福里二区15号楼｜待接单｜区住房和城乡建设局（王芳、蒋工）',
    ]);
  });

  it('gives a supervisor the 联席 agenda: the joint ticket and the stuck one, with ages and holders', () => {
    expect(said('12-01T12:05', '刘桂兰')).toEqual([
      [
        '【联席会议·本周 11月30日—12月6日】',
        '吹哨联合办理 1 件：',
        '· #1 电梯 幸福里一区3号楼2单元｜已关闭｜吹哨已26小时｜安居物业（李明、魏经理）｜' +
          '召集：明德派出所（韩警官，未报到）、区住房和城乡建设局（蒋工，已报到）',
        '超时或已督办 1 件：',
        '· #2 楼宇维修 幸福里二区15号楼｜开单26小时｜逾期2小时｜已督办至孙建国｜区住房和城乡建设局（王芳、蒋工）',
      ].join('\n'),
    ]);
  });

  it('gives 统计 per party organisation with numerator and denominator, for a supervisor and a secretary', () => {
    const supervisor = said('12-01T12:10', '刘桂兰')[0]?.split('\n') ?? [];
    const heading = supervisor.indexOf('各党组织（网格党支部、双报到单位）：');
    expect(heading).toBeGreaterThan(0);
    expect(supervisor.slice(heading + 1)).toEqual([
      '· 第一网格党支部（赵红梅）：工单 1，确认解决 1/1（100%），按时响应 1/1（100%），按时办结 1/1（100%），超时未办 0，形式主义 0.0 分（1 件：无信号）',
      '· 第三网格党支部（孙建国）：工单 1，确认解决 暂无，按时响应 0/1（0%），按时办结 暂无，超时未办 1，形式主义信号 暂无',
      '· 安居物业党支部（魏经理）：工单 1，确认解决 1/1（100%），按时响应 1/1（100%），按时办结 1/1（100%），超时未办 0，形式主义 0.0 分（1 件：无信号）',
      '· 明德派出所党支部（韩警官）：工单 1，确认解决 1/1（100%），按时响应 1/1（100%），按时办结 1/1（100%），超时未办 0，形式主义 0.0 分（1 件：无信号）',
      '· 区住房和城乡建设局党支部（蒋工）：工单 2，确认解决 1/1（100%），按时响应 1/2（50%），按时办结 1/1（100%），超时未办 1，形式主义 0.0 分（1 件：无信号）',
    ]);
    const secretary = said('12-01T12:15', '孙建国')[0]?.split('\n') ?? [];
    expect(secretary.slice(secretary.indexOf('各党组织（网格党支部、双报到单位）：') + 1)).toEqual([
      '· 第三网格党支部（孙建国）：工单 1，确认解决 暂无，按时响应 0/1（0%），按时办结 暂无，超时未办 1，形式主义信号 暂无',
      '· 区住房和城乡建设局党支部（蒋工）：工单 1，确认解决 暂无，按时响应 0/1（0%），按时办结 暂无，超时未办 1，形式主义信号 暂无',
    ]);
  });

  it('keeps every step on the tickets’ audit chain', async () => {
    const store = await openKyselyTicketStore({ sqlitePath: join(outDir, SQLITE_FILE_NAME) });
    try {
      expect(await store.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});
