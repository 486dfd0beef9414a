import { toChinaDate } from '../clock/china-time.js';
import type { WorkingCalendar } from './working-calendar.js';

/** Days a directory declares itself: public holidays and make-up working days (调休) as YYYY-MM-DD. */
export type CalendarOverrides = { holidays: readonly string[]; workdays: readonly string[] };

/**
 * A calendar with the directory's own days on top: the way to add a year's State Council arrangement
 * before the calendar package carries it, or a local day off. A make-up working day wins over a holiday.
 */
export function withCalendarOverrides(base: WorkingCalendar, overrides: CalendarOverrides): WorkingCalendar {
  if (overrides.holidays.length === 0 && overrides.workdays.length === 0) {
    return base;
  }
  const holidays = new Set(overrides.holidays);
  const workdays = new Set(overrides.workdays);
  return {
    isWorkingDay(date) {
      const { year, month, day } = toChinaDate(date);
      const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (workdays.has(key)) {
        return true;
      }
      return !holidays.has(key) && base.isWorkingDay(date);
    },
  };
}
