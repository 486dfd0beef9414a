import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../../../src/cli/audit-command.js';
import { replayScript as replay } from '../../helpers/replay.js';

const SCRIPT = 'tests/fixtures/replay/resources-leak.jsonl';

describe('shaozi replay: a 二区 leak matched to a resource and engaged (赋能支撑)', () => {
  let outDir = '';

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'shaozi-resources-'));
  });

  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('offers, lists and engages the 水电维修志愿队, tells 马振华 and keeps the chain intact', async () => {
    const { lines, tickets } = await replay(SCRIPT, outDir);

    const notice = lines.find((l) => l.to === '王芳' && l.at === '2026-12-01T09:00:00+08:00');
    expect(notice?.text).toContain('新工单 #1');
    expect(notice?.text).toContain('可对接资源：水电维修志愿队（马振华）');
    const listed = lines.find((l) => l.to === '王芳' && l.at === '2026-12-01T09:05:00+08:00');
    expect(listed?.text).toContain('1. 水电维修志愿队（志愿队）联系人马振华，还可同时接 3 件');
    const told = lines.filter((l) => l.to === '马振华' && l.text.startsWith('【帮扶对接】'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ at: '2026-12-01T09:06:00+08:00', room: null });
    expect(told[0]?.text).toContain('工单 #1');
    expect(told[0]?.text).toContain('王芳请水电维修志愿队协助办理');

    const [leak] = tickets;
    expect(leak).toMatchObject({
      number: 1,
      grid: '第三网格',
      location: { compound: '幸福里二区', building: 16 },
    });
    expect(leak?.engaged_resources).toEqual([
      { name: '水电维修志愿队', contact: '马振华', by: '王芳', at: '2026-12-01T09:06:00+08:00' },
    ]);
    expect(leak?.events.find((e) => e.type === 'resource_engaged')).toMatchObject({
      actor: '王芳',
      at: '2026-12-01T09:06:00+08:00',
    });
    expect(tickets.slice(1).map((t) => t.engaged_resources)).toEqual([[], []]);

    const out: string[] = [];
    const code = await runAuditVerify(
      ['verify', '--db', join(outDir, 'shaozi.db')],
      { stdout: (l) => out.push(l), stderr: () => undefined },
      {},
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^audit ok: 3 tickets, \d+ events, chain intact$/);
  });

  it('gives the supervisor the month’s resource use number by number', async () => {
    const { lines, tickets } = await replay(SCRIPT);

    expect(tickets.map((t) => t.category)).toEqual(['building_repair', 'elevator', 'labor_social_security']);
    const view = lines.find((l) => l.to === '刘桂兰' && l.at === '2026-12-01T11:00:00+08:00');
    expect(view?.text.split('\n')).toEqual([
      '幸福里社区帮扶资源（本月 12月1日—12月31日）',
      '对接 1 次，用到资源 1/8 个：',
      '· 水电维修志愿队 1 次',
      '本月未用 7/8：区人民医院党支部、明德中学、明德律师事务所、夕阳红助老服务社、顺达水电维修部、心灵驿站心理咨询室、幸福里人民调解工作室',
      '新需求中有资源可配 2/3（67%），其中已对接 1/2（50%）',
      '无资源可配 1/3（33%）：电梯 1',
    ]);
    const wage = lines.find((l) => l.to === '李明' && l.text.includes('新工单 #3'));
    expect(wage?.text).toContain('可对接资源：明德律师事务所（罗律师）');
  });
});
