import type ExcelJS from 'exceljs';
import { toChinaIso } from '../clock/china-time.js';
import type { Ratio } from '../stats/rates.js';

/** A cell value as the report writes it; a string stands where a number has no value (`暂无`). */
export type Cell = string | number | Date | null;

/** One column of a table: its header, how wide, its number format (per row where it varies) and its value. */
export type Column<T> = {
  header: string;
  width?: number;
  numFmt?: string | ((row: T) => string);
  value: (row: T) => Cell;
};

export const PERCENT = '0.0%';
export const COUNT = '0';
export const DAYS = '0.0';
export const DATE_TIME = 'yyyy-mm-dd hh:mm';

/** What a rate cell shows when nothing was counted (as `统计` says it). */
export const NO_RATE = '暂无';

/** A rate as three columns: the rate (a percentage), its numerator and its denominator. */
export function rateColumns<T>(label: string, of: (row: T) => Ratio): Column<T>[] {
  return [
    { header: label, width: 12, numFmt: PERCENT, value: (row) => of(row).value ?? NO_RATE },
    { header: `${label}·分子`, width: 10, numFmt: COUNT, value: (row) => of(row).numerator },
    { header: `${label}·分母`, width: 10, numFmt: COUNT, value: (row) => of(row).denominator },
  ];
}

/**
 * An instant as Excel shows it in China time: Excel cells have no time zone, so the cell holds the China wall
 * time (a UTC date with the China clock's fields).
 */
export function chinaCellTime(at: Date | null): Date | null {
  return at === null ? null : new Date(`${toChinaIso(at).slice(0, 19)}Z`);
}

/**
 * Appends a table to the sheet: a bold header row, then one row per item with each column's number format.
 * The first table of a sheet also freezes its header and gets a filter. Returns the header's row number.
 */
export function addTable<T>(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column<T>[],
  rows: readonly T[],
): number {
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, c.width ?? 12);
  });
  for (const item of rows) {
    const row = sheet.addRow(columns.map((c) => c.value(item)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const format = typeof c.numFmt === 'function' ? c.numFmt(item) : c.numFmt;
      if (format && (typeof cell.value === 'number' || cell.value instanceof Date)) {
        cell.numFmt = format;
      }
    });
  }
  if (sheet.views.length === 0) {
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    sheet.autoFilter = {
      from: { row: header.number, column: 1 },
      to: { row: header.number + rows.length, column: columns.length },
    };
  }
  return header.number;
}
