// The package's published table, not its functions: those build their tables with the machine's local
// date getters at import, which shifts every holiday a day early west of Greenwich (e.g. America/*).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** China Standard Time is UTC+8 all year: no daylight saving time since 1991. */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Which calendar days count for working-day deadlines; days are judged in China time. */
export interface WorkingCalendar {
  /** Whether the China-time calendar day that contains `date` is a working day. */
  isWorkingDay(date: Date): boolean;
}

/** A calendar day in China time; `month` runs 1–12. */
export type ChinaDate = { readonly year: number; readonly month: number; readonly day: number };

/** The China-time calendar day of an instant, whatever the machine's time zone. */
export function toChinaDate(date: Date): ChinaDate {
  const shifted = new Date(date.getTime() + CHINA_UTC_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 00:00 China time of the day that contains `date`. */
export function startOfChinaDay(date: Date): Date {
  const shifted = date.getTime() + CHINA_UTC_OFFSET_MS;
  return new Date(shifted - mod(shifted, DAY_MS) - CHINA_UTC_OFFSET_MS);
}

/** Whether the China-time day of `date` is a Saturday or Sunday. */
export function isChinaWeekend(date: Date): boolean {
  const weekday = new Date(date.getTime() + CHINA_UTC_OFFSET_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday in China time, no holidays: the test double and the fallback for years without data. */
export const weekdayCalendar: WorkingCalendar = {
  isWorkingDay: (date) => !isChinaWeekend(date),
};

type DayTable = Readonly<Record<string, string>>;
const HOLIDAYS: DayTable = chineseDays.holidays;
const MAKE_UP_WORKDAYS: DayTable = chineseDays.workdays;
const COVERED_YEARS = new Set(Object.keys(HOLIDAYS).map((key) => Number(key.slice(0, 4))));

/** Whether chinese-days carries the State Council holiday arrangement for `year` (1.5.7: 2004–2026). */
export function hasHolidayData(year: number): boolean {
  return COVERED_YEARS.has(year);
}

/**
 * Chinese working days from chinese-days: Monday to Friday except public holidays, plus the weekend
 * make-up working days (调休补班). For a year the package has no data for (see `hasHolidayData`; 2027
 * onward in chinese-days 1.5.7) it falls back to plain Monday to Friday, so holidays there count as
 * working days until the package is upgraded.
 */
export const chineseWorkingCalendar: WorkingCalendar = {
  isWorkingDay(date) {
    const key = toDateKey(toChinaDate(date));
    if (MAKE_UP_WORKDAYS[key] !== undefined) {
      return true;
    }
    return HOLIDAYS[key] === undefined && !isChinaWeekend(date);
  },
};

function toDateKey({ year, month, day }: ChinaDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
