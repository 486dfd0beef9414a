const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

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
