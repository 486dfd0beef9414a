import {
  CHINA_OFFSET_MS,
  startOfChinaDay,
  startOfChinaMonth,
  startOfChinaWeek,
} from '../clock/china-time.js';

export const STATS_PERIODS = ['today', 'week', 'month'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

const DAY_MS = 24 * 3_600_000;

export type PeriodRange = { from: Date; to: Date };

/**
 * The calendar period containing `now` in China time, as a half-open range [from, to): today, this week
 * (from Monday 00:00) or this month (from the 1st). `to` is the start of the next period, not `now`, so a
 * range names the whole period and the same range comes back all day (or week, or month).
 */
export function periodRange(period: StatsPeriod, now: Date): PeriodRange {
  switch (period) {
    case 'today': {
      const from = startOfChinaDay(now);
      return { from, to: new Date(from.getTime() + DAY_MS) };
    }
    case 'week': {
      const from = startOfChinaWeek(now);
      return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
    }
    case 'month': {
      const from = startOfChinaMonth(now);
      // the 1st of the month 40 days on lies in the next month whatever this month's length
      return { from, to: startOfChinaMonth(new Date(from.getTime() + 40 * DAY_MS)) };
    }
  }
}

/** A month as `YYYY-MM` (2026-11): the form `shaozi report --month` and the dashboard take. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The China-time calendar month `YYYY-MM` as a half-open range [the 1st 00:00, the next 1st 00:00);
 * undefined when the text is not such a month.
 */
export function monthRange(month: string): PeriodRange | undefined {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1) - CHINA_OFFSET_MS),
    to: new Date(Date.UTC(year, index + 1, 1) - CHINA_OFFSET_MS),
  };
}

/** The China calendar day before the one containing `now` (the daily digest's usual range). */
export function previousDayRange(now: Date): PeriodRange {
  const to = startOfChinaDay(now);
  return { from: new Date(to.getTime() - DAY_MS), to };
}
