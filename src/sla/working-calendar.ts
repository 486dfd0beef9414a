// The package's published table, not its functions: those build their tables with the machine's local
// date getters at import, which shifts every holiday a day early west of Greenwich (e.g. America/*).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { type ChinaDate, isChinaWeekend, toChinaDate } from '../clock/china-time.js';

/** Which calendar days count for working-day deadlines; days are judged in China time. */
export interface WorkingCalendar {
  /** Whether the China-time calendar day that contains `date` is a working day. */
  isWorkingDay(date: Date): boolean;
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
