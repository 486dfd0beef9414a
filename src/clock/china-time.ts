// China time in one place: every calendar day, week, month and stamp the bot shows or counts by.

/** China Standard Time is UTC+8 all year: no daylight saving time since 1991. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const mod = (a: number, b: number): number => ((a % b) + b) % b;

/** A calendar day in China time; `month` runs 1–12. */
export type ChinaDate = { readonly year: number; readonly month: number; readonly day: number };

/** The China-time calendar day of an instant, whatever the machine's time zone. */
export function toChinaDate(date: Date): ChinaDate {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 00:00 China time of the day that contains `at`. */
export function startOfChinaDay(at: Date): Date {
  const local = at.getTime() + CHINA_OFFSET_MS;
  return new Date(local - mod(local, DAY_MS) - CHINA_OFFSET_MS);
}

/** Monday 00:00 China time of the week containing `at`. */
export function startOfChinaWeek(at: Date): Date {
  const day = startOfChinaDay(at);
  const sinceMonday = (new Date(day.getTime() + CHINA_OFFSET_MS).getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The 1st 00:00 China time of the month containing `at`. */
export function startOfChinaMonth(at: Date): Date {
  const { year, month } = toChinaDate(at);
  return new Date(Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS);
}

/** Whether the China-time day of `at` is a Saturday or Sunday. */
export function isChinaWeekend(at: Date): boolean {
  const weekday = new Date(at.getTime() + CHINA_OFFSET_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The China-time month of an instant as `YYYY-MM` (2026-11). */
export const chinaMonthOf = (at: Date): string => toChinaIso(at).slice(0, 7);

/** The China-time calendar date of an instant as `YYYY-MM-DD` (2026-11-30). */
export const chinaDayOf = (at: Date): string => toChinaIso(at).slice(0, 10);

/** The China-time calendar date in chat words: 12月1日. */
export function chinaDateText(at: Date): string {
  const { month, day } = toChinaDate(at);
  return `${month}月${day}日`;
}

/** An instant as China time with its offset, e.g. `2026-11-30T09:00:01+08:00` (milliseconds only when set). */
export function toChinaIso(date: Date): string {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS).toISOString();
  const millis = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${millis === '.000' ? '' : millis}+08:00`;
}

export const toChinaIsoOrNull = (date: Date | null): string | null =>
  date === null ? null : toChinaIso(date);

/** A short China-time stamp for chat: 12月1日 09:00. */
export function formatChinaShort(date: Date): string {
  const d = new Date(date.getTime() + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The China calendar day of an instant, as a day number since the epoch. */
const chinaDay = (date: Date) => Math.floor((date.getTime() + CHINA_OFFSET_MS) / 86_400_000);

/**
 * A deadline in the words people use, with its 前: 「今天 17:00 前」, 「明天 09:30 前」, 「12月15日（周二）17:00 前」; a
 * deadline at midnight is the end of the day before: 「12月15日（周二）前」 or 「今天内」, never 「12月16日 00:00」.
 * `now` enables 今天/明天.
 */
export function deadlinePhrase(at: Date, now?: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
  const day = midnight ? new Date(d.getTime() - 86_400_000) : d;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const offset =
    now === undefined ? null : chinaDay(new Date(at.getTime() - (midnight ? 1 : 0))) - chinaDay(now);
  const relative = offset === 0 ? '今天' : offset === 1 ? '明天' : null;
  if (relative !== null) {
    return midnight ? `${relative}内` : `${relative} ${time} 前`;
  }
  const date = `${day.getUTCMonth() + 1}月${day.getUTCDate()}日（${WEEKDAYS[day.getUTCDay()]}）`;
  return midnight ? `${date}前` : `${date}${time} 前`;
}

/**
 * The end of a daily China-time span (`22:00-07:30`, over midnight when the start is later) when `at` falls
 * inside it; otherwise `at` itself.
 */
export function afterDailySpan(at: Date, span: string): Date {
  const [from = 0, to = 0] = span.split('-').map((hm) => {
    const [h = 0, m = 0] = hm.split(':').map(Number);
    return (h * 60 + m) * 60_000;
  });
  const local = at.getTime() + CHINA_OFFSET_MS;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const sinceMidnight = local - dayStart;
  const overMidnight = from > to;
  const inside = overMidnight
    ? sinceMidnight >= from || sinceMidnight < to
    : sinceMidnight >= from && sinceMidnight < to;
  if (!inside) {
    return at;
  }
  const end = overMidnight && sinceMidnight >= from ? dayStart + 86_400_000 + to : dayStart + to;
  return new Date(end - CHINA_OFFSET_MS);
}
