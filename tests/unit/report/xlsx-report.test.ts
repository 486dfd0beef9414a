import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { monthlyReportXlsx } from '../../../src/report/monthly-report-xlsx.js';
import { SHEET_NAMES, writeMonthlyReport } from '../../../src/report/xlsx-report.js';
import { buildMonthlyReport, type MonthlyReport } from '../../../src/stats/monthly-report.js';
import { headersOf, readWorkbook, rowWhere, sheetOf, tableOf } from '../../helpers/read-xlsx.js';
import { decemberSample, NOW, storeOf } from '../stats/monthly-sample.js';

const directory = loadDirectory();

/** The wall-clock time in China as a spreadsheet cell holds it (a UTC date with China's fields). */
const chinaWall = (iso: string) => new Date(`${iso}Z`);

describe('writeMonthlyReport', () => {
  let data: MonthlyReport;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    data = await buildMonthlyReport(
      { tickets: storeOf(decemberSample()), directory },
      { month: '2026-12', now: NOW },
    );
    workbook = await readWorkbook(await writeMonthlyReport(data));
  });

  it('has one sheet per table, named in Chinese, in the bulletin’s order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '总览',
      '分类',
      '责任单位',
      '超期未确认',
      '党支部',
      '党员积分',
    ]);
  });

  it('heads the overview with the month and the time the figures were taken, China time', () => {
    const sheet = sheetOf(workbook, SHEET_NAMES.overview);

    expect(sheet.getCell('A1').value).toBe('幸福里社区 2026年12月工单办理月报');
    expect(sheet.getCell('B2').value).toBe('2026年12月1日—12月31日');
    expect(sheet.getCell('B3').value).toEqual(chinaWall('2026-12-20T12:00:00'));
    expect(sheet.getCell('B3').numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('gives each total as a number, each rate as a percentage with its numerator and denominator beside it', () => {
    const sheet = sheetOf(workbook, SHEET_NAMES.overview);
    const table = tableOf(sheet, 6);

    expect(headersOf(sheet, 6)).toEqual(['指标', '数值', '分子', '分母']);
    expect(sheet.getRow(6).font?.bold).toBe(true);
    const received = rowWhere(table, '指标', '新收');
    expect(received.get('数值')?.value).toBe(data.totals.received);
    const onTime = rowWhere(table, '指标', '按时办结率');
    expect([onTime.get('数值')?.value, onTime.get('分子')?.value, onTime.get('分母')?.value]).toEqual([
      0.4, 2, 5,
    ]);
    expect(onTime.get('数值')?.numFmt).toBe('0.0%');
    const recurrence = rowWhere(table, '指标', '复发率');
    expect(recurrence.get('数值')?.value).toBe(0);
    expect(recurrence.get('分母')?.value).toBe(data.totals.recurrenceRate.denominator);
  });

  it('puts rate, numerator and denominator side by side per category, with a bold 合计 line', () => {
    const sheet = sheetOf(workbook, SHEET_NAMES.categories);
    const headers = headersOf(sheet, 1);
    const table = tableOf(sheet);

    const at = headers.indexOf('群众确认解决率');
    expect(headers.slice(at, at + 3)).toEqual([
      '群众确认解决率',
      '群众确认解决率·分子',
      '群众确认解决率·分母',
    ]);
    const elevator = rowWhere(table, '分类', '电梯');
    expect(elevator.get('群众确认解决率')?.value).toBe(0.5);
    expect(elevator.get('群众确认解决率·分子')?.value).toBe(1);
    expect(elevator.get('群众确认解决率·分母')?.value).toBe(2);
    const total = rowWhere(table, '分类', '合计');
    expect(total.get('新收')?.value).toBe(5);
    expect(total.get('新收')?.font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists overdue and unconfirmed tickets with China-time dates and days overdue', () => {
    const table = tableOf(sheetOf(workbook, SHEET_NAMES.attention));

    expect(table.map((r) => r.get('工单号')?.value)).toEqual([2, 3, 5, 6, 7]);
    const three = rowWhere(table, '工单号', 3);
    expect(three.get('受理时间')?.value).toEqual(chinaWall('2026-12-03T09:00:00'));
    expect(three.get('办结时限')?.value).toEqual(chinaWall('2026-12-10T09:00:00'));
    expect(three.get('超期天数')?.value).toBe(3);
    expect(three.get('超期天数')?.numFmt).toBe('0.0');
    expect(three.get('状态')?.value).toBe('已关闭');
    expect(three.get('群众确认')?.value).toBe('超时未评价');
    const five = rowWhere(table, '工单号', 5);
    expect([five.get('是否超期')?.value, five.get('超期天数')?.value]).toEqual(['否', null]);
  });

  it('shows 暂无 where nothing was counted and leaves points empty for a branch without members', () => {
    const second = rowWhere(tableOf(sheetOf(workbook, SHEET_NAMES.partyOrgs)), '党组织', '第二网格党支部');

    expect(second.get('新收')?.value).toBe(0);
    expect(second.get('群众确认解决率')?.value).toBe('暂无');
    expect(second.get('群众确认解决率·分母')?.value).toBe(0);
    expect(second.get('积分')?.value).toBeNull();
  });
});

describe('monthlyReportXlsx', () => {
  it('makes the workbook of a month from the store, as of the clock', async () => {
    const bytes = await monthlyReportXlsx(
      { tickets: storeOf(decemberSample()), directory, now: () => NOW },
      '2026-11',
    );

    const overview = tableOf(sheetOf(await readWorkbook(bytes), SHEET_NAMES.overview), 6);
    expect(rowWhere(overview, '指标', '新收').get('数值')?.value).toBe(1);
  });
});
