import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand } from '../../../src/cli/report-command.js';
import { openKyselyTicketStore, SQLITE_FILE_NAME } from '../../../src/store/open-ticket-store.js';
import { applyAction } from '../../../src/tickets/apply-action.js';
import type { NewTicket, TicketPatch } from '../../../src/tickets/ticket.js';
import type { TicketStore } from '../../../src/tickets/ticket-store.js';
import type { TicketAction } from '../../../src/tickets/transitions.js';
import { newTicket } from '../../contract/ticket-store.contract.js';
import { readWorkbook, rowWhere, sheetOf, tableOf } from '../../helpers/read-xlsx.js';

const DAY = 86_400_000;
/** An instant of 2026 in China time: `at('11-03 09:00')`. */
const at = (monthDayTime: string) => new Date(`2026-${monthDayTime.replace(' ', 'T')}:00+08:00`);
/** The China wall-clock time a spreadsheet cell holds for `at(…)`. */
const cellTime = (monthDayTime: string) => new Date(`2026-${monthDayTime.replace(' ', 'T')}:00Z`);

/** A normal ticket made at `created`: respond within a day, resolve within seven. */
function normal(created: string, fields: Partial<NewTicket> = {}): NewTicket {
  const createdAt = at(created);
  return newTicket({
    urgency: 'normal',
    createdAt,
    respondBy: new Date(createdAt.getTime() + DAY),
    resolveBy: new Date(createdAt.getTime() + 7 * DAY),
    ...fields,
  });
}

async function make(store: TicketStore, fields: NewTicket): Promise<number> {
  const made = await store.createTicket(fields, {
    messageKey: null,
    event: { at: fields.createdAt, actor: fields.reporter, type: 'created', detail: fields.text },
    outbox: [],
  });
  return made.ticket.number;
}

async function act(
  store: TicketStore,
  n: number,
  action: TicketAction,
  when: string,
  patch: TicketPatch = {},
) {
  const result = await applyAction(store, n, { action, actor: '李明', at: at(when), detail: action, patch });
  expect(result.ok).toBe(true);
}

/**
 * November 2026 in a SQLite store: #1 lift claimed by 杨帆 and closed with 满意 · #2 roof at 二区 never
 * accepted · #3 rubbish at 锦苑 resolved 3 days late and closed for want of an answer · #4 noise, withdrawn ·
 * #5 lift resolved, awaiting the reporter · #6 an October parking ticket still open · #7 a December one.
 */
async function novemberStore(file: string): Promise<void> {
  const store = await openKyselyTicketStore({ sqlitePath: file });
  const one = await make(store, normal('11-03 09:00'));
  await store.change(one, {
    event: { at: at('11-03 09:30'), actor: '杨帆', type: 'claimed', detail: '杨帆' },
    patch: { assignees: ['魏经理', '杨帆'] },
  });
  await act(store, one, 'accept', '11-03 10:00', { respondedAt: at('11-03 10:00') });
  await act(store, one, 'resolve', '11-04 10:00', { resolvedAt: at('11-04 10:00') });
  await act(store, one, 'confirm', '11-04 12:00', { closedAt: at('11-04 12:00') });
  const erqu = { compound: '幸福里二区', building: 15, unit: null, room: 602, landmark: null };
  await make(
    store,
    normal('11-05 09:00', {
      category: 'building_repair',
      body: 'housing',
      tiaoKuai: 'section',
      grid: '第三网格',
      partyBranch: '第三网格党支部',
      location: erqu,
    }),
  );
  const jinyuan = { compound: '锦苑', building: 26, unit: null, room: null, landmark: null };
  const three = await make(
    store,
    normal('11-10 09:00', {
      category: 'sanitation',
      grid: '第四网格',
      partyBranch: '第四网格党支部',
      location: jinyuan,
    }),
  );
  await act(store, three, 'accept', '11-10 10:00', { respondedAt: at('11-10 10:00') });
  await act(store, three, 'resolve', '11-20 09:00', { resolvedAt: at('11-20 09:00') });
  await act(store, three, 'timeout_close', '11-22 09:00', { closedAt: at('11-22 09:00') });
  const four = await make(
    store,
    normal('11-12 09:00', { category: 'noise', body: 'urban_mgmt', tiaoKuai: 'section' }),
  );
  await act(store, four, 'withdraw', '11-12 12:00');
  const five = await make(store, normal('11-15 09:00'));
  await act(store, five, 'accept', '11-15 10:00', { respondedAt: at('11-15 10:00') });
  await act(store, five, 'resolve', '11-16 09:00', { resolvedAt: at('11-16 09:00') });
  await make(
    store,
    normal('10-20 09:00', {
      category: 'parking',
      body: 'urban_mgmt',
      tiaoKuai: 'section',
      grid: '第二网格',
      partyBranch: '第二网格党支部',
    }),
  );
  await make(store, normal('12-01 09:00'));
  await store.close();
}

function shaozi(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/shaozi.js', 'report', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    timeout: 60_000,
  });
}

const value = (row: Map<string, ExcelJS.Cell>, column: string) => row.get(column)?.value;

/** The bin runs once (it takes seconds to start); the empty and malformed months run the command in-process. */
describe('npx shaozi report', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shaozi-report-'));
    db = join(dir, SQLITE_FILE_NAME);
    await novemberStore(db);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the month’s workbook from a store: totals, a category, a body, the overdue list, a branch', async () => {
    const out = join(dir, 'reports', '2026-11.xlsx');

    const result = shaozi(['--month', '2026-11', '--db', db, '--out', out]);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('report 2026-11 written to');
    const workbook = await readWorkbook(readFileSync(out));
    const overviewSheet = sheetOf(workbook, '总览');
    const asOf = overviewSheet.getCell('B3').value as Date;
    const overview = tableOf(overviewSheet, 6);
    const total = (label: string) => {
      const row = rowWhere(overview, '指标', label);
      return [value(row, '数值'), value(row, '分子'), value(row, '分母')];
    };
    expect(total('新收')).toEqual([4, null, null]);
    expect(total('撤回/撤销')).toEqual([1, null, null]);
    expect(total('当前超时未办')).toEqual([2, null, null]);
    expect(total('逾期（含本期）')).toEqual([3, null, null]);
    expect(total('按时响应率')).toEqual([0.75, 3, 4]);
    expect(total('按时办结率')).toEqual([0.5, 2, 4]);
    expect(total('群众确认解决率')).toEqual([1 / 3, 1, 3]);
    expect(total('满意率')).toEqual([1, 1, 1]);
    expect(total('复发率')).toEqual([0, 0, 2]);

    const elevator = rowWhere(tableOf(sheetOf(workbook, '分类')), '分类', '电梯');
    expect([value(elevator, '新收'), value(elevator, '已办结'), value(elevator, '群众确认解决')]).toEqual([
      2, 2, 1,
    ]);
    expect([
      value(elevator, '群众确认解决率'),
      value(elevator, '群众确认解决率·分子'),
      value(elevator, '群众确认解决率·分母'),
    ]).toEqual([0.5, 1, 2]);

    const bodies = tableOf(sheetOf(workbook, '责任单位'));
    const property = rowWhere(bodies, '责任单位', '物业服务企业');
    expect([value(property, '新收'), value(property, '已办结'), value(property, '逾期（含本期）')]).toEqual([
      3, 3, 1,
    ]);
    expect([
      value(property, '按时办结率'),
      value(property, '按时办结率·分子'),
      value(property, '按时办结率·分母'),
    ]).toEqual([2 / 3, 2, 3]);
    const urban = rowWhere(bodies, '责任单位', '区城市管理综合执法局明德中队');
    expect([value(urban, '新收'), value(urban, '当前超时未办')]).toEqual([0, 1]);

    const attention = tableOf(sheetOf(workbook, '超期未确认'));
    expect(attention.map((r) => value(r, '工单号'))).toEqual([2, 3, 5, 6]);
    const roof = rowWhere(attention, '工单号', 2);
    expect([value(roof, '分类'), value(roof, '责任单位'), value(roof, '网格'), value(roof, '地点')]).toEqual([
      '楼宇维修',
      '区住房和城乡建设局',
      '第三网格',
      '幸福里二区15号楼',
    ]);
    expect([value(roof, '受理时间'), value(roof, '办结时限')]).toEqual([
      cellTime('11-05 09:00'),
      cellTime('11-12 09:00'),
    ]);
    expect([value(roof, '状态'), value(roof, '是否超期'), value(roof, '群众确认')]).toEqual([
      '待接单',
      '是',
      '—',
    ]);
    // still owed: past its response deadline (11-06 09:00) until the moment the figures were taken
    expect(value(roof, '超期天数')).toBeCloseTo(
      (asOf.getTime() - cellTime('11-06 09:00').getTime()) / DAY,
      4,
    );
    const rubbish = rowWhere(attention, '工单号', 3);
    expect([value(rubbish, '责任单位'), value(rubbish, '超期天数'), value(rubbish, '群众确认')]).toEqual([
      '锦程物业',
      3,
      '超时未评价',
    ]);
    expect(value(rowWhere(attention, '工单号', 5), '群众确认')).toBe('待群众确认');

    const branch = rowWhere(tableOf(sheetOf(workbook, '党支部')), '党组织', '第一网格党支部');
    expect([value(branch, '联系人'), value(branch, '新收'), value(branch, '群众确认解决')]).toEqual([
      '赵红梅',
      2,
      1,
    ]);
    expect([
      value(branch, '群众确认解决率'),
      value(branch, '群众确认解决率·分子'),
      value(branch, '群众确认解决率·分母'),
    ]).toEqual([0.5, 1, 2]);
    expect([
      value(branch, '党员人数'),
      value(branch, '党员认领'),
      value(branch, '认领确认解决'),
      value(branch, '积分'),
    ]).toEqual([1, 1, 1, 10]);
  });

  it('writes a valid workbook with zeros for a month without tickets, from the configured store', async () => {
    const { io, out: printed } = captureIo();
    const out = join(dir, 'empty.xlsx');

    const code = await runReportCommand(['--month=2026-11', `--out=${out}`], io, {
      DATA_DIR: join(dir, 'empty-data'),
    });

    expect(code).toBe(0);
    expect(printed).toEqual([expect.stringContaining('0 tickets received, 0 overdue or unconfirmed')]);
    const workbook = await readWorkbook(readFileSync(out));
    const overview = tableOf(sheetOf(workbook, '总览'), 6);
    expect(value(rowWhere(overview, '指标', '新收'), '数值')).toBe(0);
    expect(value(rowWhere(overview, '指标', '按时办结率'), '数值')).toBe('暂无');
    expect(tableOf(sheetOf(workbook, '超期未确认'))).toEqual([]);
    expect(tableOf(sheetOf(workbook, '党支部')).map((r) => value(r, '新收'))).toEqual([0, 0, 0, 0]);
  });

  it('refuses a malformed month with one sentence and exit status 2, writing nothing', async () => {
    const { io, err } = captureIo();
    const out = join(dir, 'bad.xlsx');

    const code = await runReportCommand(['--month', '2026-13', '--db', db, '--out', out], io, {});

    expect(code).toBe(2);
    expect(err).toEqual([expect.stringContaining('"2026-13"')]);
    expect(err[0]?.split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) } };
}
