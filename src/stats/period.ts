export const STATS_PERIODS = ['today', 'week', 'month'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export type PeriodRange = { from: Date; to: Date };

/** The instant China's calendar day containing `at` begins (00:00 UTC+8). */
export function startOfChinaDay(at: Date): Date {
  const local = at.getTime() + CHINA_OFFSET_MS;
  return new Date(local - mod(local, DAY_MS) - CHINA_OFFSET_MS);
}

/** Monday 00:00 China time of the week containing `at`. */
export function startOfChinaWeek(at: Date): Date {
  const day = startOfChinaDay(at);
  const weekday = new Date(day.getTime() + CHINA_OFFSET_MS).getUTCDay();
  const sinceMonday = (weekday + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The 1st 00:00 China time of the month containing `at`. */
export function startOfChinaMonth(at: Date): Date {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CHINA_OFFSET_MS);
}

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

/** The China calendar day before the one containing `now` (the daily digest's usual range). */
export function previousDayRange(now: Date): PeriodRange {
  const to = startOfChinaDay(now);
  return { from: new Date(to.getTime() - DAY_MS), to };
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
