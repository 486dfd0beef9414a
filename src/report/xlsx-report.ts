import ExcelJS from 'exceljs';
import { STATUS_NAMES } from '../commands/replies.js';
import type {
  AttentionTicket,
  GroupRates,
  MonthlyReport,
  PartyOrgRow,
  UnconfirmedReason,
} from '../stats/monthly-report.js';
import type { MemberResult } from '../stats/points.js';
import type { Rates } from '../stats/rates.js';
import { periodText } from '../stats/replies.js';
import { type OverviewRow, overviewRows } from './overview-rows.js';
import { addTable, COUNT, type Column, chinaCellTime, DATE_TIME, DAYS, rateColumns } from './sheet-table.js';

/** The sheets of the monthly report, in order. */
export const SHEET_NAMES = {
  overview: '总览',
  categories: '分类',
  bodies: '责任单位',
  attention: '超期未确认',
  partyOrgs: '党支部',
  members: '党员积分',
} as const;

const DAY_MS = 86_400_000;

const UNCONFIRMED_NAMES: Record<UnconfirmedReason, string> = {
  awaiting: '待群众确认',
  unsatisfied: '不满意',
  timeout: '超时未评价',
  reopened: '已重新打开',
};

/** The figures every breakdown table shows, after its name columns (the same as 统计's per-body lines, and more). */
function figureColumns<T>(rates: (row: T) => Rates): Column<T>[] {
  const count = (header: string, of: (r: Rates) => number): Column<T> => ({
    header,
    width: 10,
    numFmt: COUNT,
    value: (row) => of(rates(row)),
  });
  return [
    count('新收', (r) => r.received),
    count('已响应', (r) => r.accepted),
    count('已办结', (r) => r.resolved),
    count('群众确认解决', (r) => r.confirmed),
    count('重新打开', (r) => r.reopened),
    count('当前超时未办', (r) => r.openOverdue),
    count('逾期（含本期）', (r) => r.overdue),
    ...rateColumns<T>('按时响应率', (row) => rates(row).onTimeResponseRate),
    ...rateColumns<T>('办结率', (row) => rates(row).resolutionRate),
    ...rateColumns<T>('按时办结率', (row) => rates(row).onTimeResolutionRate),
    ...rateColumns<T>('群众确认解决率', (row) => rates(row).confirmedResolutionRate),
    ...rateColumns<T>('满意率', (row) => rates(row).satisfactionRate),
    ...rateColumns<T>('重新打开率', (row) => rates(row).reopenRate),
  ];
}

/** A breakdown (by category, by body) with a bold 合计 line of the month's totals at the bottom. */
function groupSheet(workbook: ExcelJS.Workbook, name: string, rows: readonly GroupRates[], totals: Rates) {
  const sheet = workbook.addWorksheet(name);
  const total: GroupRates = { key: 'total', name: '合计', rates: totals };
  addTable(
    sheet,
    [
      { header: name, width: 28, value: (g: GroupRates) => g.name },
      ...figureColumns((g: GroupRates) => g.rates),
    ],
    [...rows, total],
  );
  sheet.lastRow?.eachCell((cell) => {
    cell.font = { bold: true };
  });
}

const ATTENTION_COLUMNS: Column<AttentionTicket>[] = [
  { header: '工单号', width: 8, numFmt: COUNT, value: (t) => t.number },
  { header: '分类', width: 12, value: (t) => t.category },
  { header: '责任单位', width: 28, value: (t) => t.body },
  { header: '网格', width: 10, value: (t) => t.grid ?? '—' },
  { header: '地点', width: 22, value: (t) => t.place },
  { header: '受理时间', width: 17, numFmt: DATE_TIME, value: (t) => chinaCellTime(t.createdAt) },
  { header: '响应时限', width: 17, numFmt: DATE_TIME, value: (t) => chinaCellTime(t.respondBy) },
  { header: '办结时限', width: 17, numFmt: DATE_TIME, value: (t) => chinaCellTime(t.resolveBy) },
  { header: '状态', width: 10, value: (t) => STATUS_NAMES[t.status] },
  { header: '是否超期', width: 9, value: (t) => (t.overdue ? '是' : '否') },
  {
    header: '超期天数',
    width: 9,
    numFmt: DAYS,
    value: (t) => (t.overdueMs === null ? null : t.overdueMs / DAY_MS),
  },
  { header: '群众确认', width: 12, value: (t) => (t.unconfirmed ? UNCONFIRMED_NAMES[t.unconfirmed] : '—') },
];

const ORG_KIND_NAMES: Record<PartyOrgRow['role'], string> = {
  grid_branch: '网格党支部',
  paired: '双报到单位党组织',
};

function partyOrgColumns(): Column<PartyOrgRow>[] {
  const points = (header: string, of: (p: NonNullable<PartyOrgRow['points']>) => number) => ({
    header,
    width: 10,
    numFmt: COUNT,
    value: (o: PartyOrgRow) => (o.points === null ? null : of(o.points)),
  });
  return [
    { header: '党组织', width: 26, value: (o) => o.name },
    { header: '类型', width: 16, value: (o) => ORG_KIND_NAMES[o.role] },
    { header: '联系人', width: 10, value: (o) => o.contact ?? '—' },
    ...figureColumns((o: PartyOrgRow) => o.rates),
    { header: '形式主义风险分', width: 12, numFmt: '0.0', value: (o) => o.formalism.score },
    { header: '形式主义·计入办结件', width: 12, numFmt: COUNT, value: (o) => o.formalism.tickets },
    points('党员人数', (p) => p.members),
    points('党员认领', (p) => p.claimed),
    points('认领确认解决', (p) => p.confirmed),
    points('积分', (p) => p.points),
  ];
}

const MEMBER_COLUMNS: Column<MemberResult>[] = [
  { header: '姓名', width: 10, value: (m) => m.name },
  { header: '党支部', width: 18, value: (m) => m.branch ?? '志愿者' },
  { header: '认领', width: 8, numFmt: COUNT, value: (m) => m.claimed },
  { header: '确认解决', width: 10, numFmt: COUNT, value: (m) => m.confirmed },
  { header: '积分', width: 8, numFmt: COUNT, value: (m) => m.points },
  { header: '确认解决的工单', width: 24, value: (m) => m.tickets.map((n) => `#${n}`).join('、') },
];

const OVERVIEW_COLUMNS: Column<OverviewRow>[] = [
  { header: '指标', width: 20, value: (r) => r.label },
  { header: '数值', width: 14, numFmt: (r) => r.numFmt, value: (r) => r.value },
  { header: '分子', width: 10, numFmt: COUNT, value: (r) => r.numerator },
  { header: '分母', width: 10, numFmt: COUNT, value: (r) => r.denominator },
];

/** The monthly report as an .xlsx workbook: one sheet per table, headers bold, rates beside n and d. */
export async function writeMonthlyReport(data: MonthlyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '哨子';
  workbook.created = data.now;
  workbook.modified = data.now;
  workbook.title = `${data.community} ${monthTitle(data.month)}工单办理月报`;

  const overview = workbook.addWorksheet(SHEET_NAMES.overview);
  overview.addRow([workbook.title]).font = { bold: true, size: 14 };
  overview.addRow(['统计期间', `${data.month.slice(0, 4)}年${periodText(data.range)}`]);
  const asOf = overview.addRow(['数据截至', chinaCellTime(data.now)]);
  asOf.getCell(2).numFmt = DATE_TIME;
  overview.addRow([
    '口径',
    '按本月受理的工单计算（合并、撤回、撤销的不计），与「统计」指令同一口径；当前超时未办为截至上述时间仍超时的工单。',
  ]);
  overview.addRow([]);
  addTable(overview, OVERVIEW_COLUMNS, overviewRows(data.totals));

  groupSheet(workbook, SHEET_NAMES.categories, data.categories, data.totals);
  groupSheet(workbook, SHEET_NAMES.bodies, data.bodies, data.totals);
  addTable(workbook.addWorksheet(SHEET_NAMES.attention), ATTENTION_COLUMNS, data.attention);
  addTable(workbook.addWorksheet(SHEET_NAMES.partyOrgs), partyOrgColumns(), data.partyOrgs);
  addTable(workbook.addWorksheet(SHEET_NAMES.members), MEMBER_COLUMNS, data.members);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `2026年11月`. */
function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
