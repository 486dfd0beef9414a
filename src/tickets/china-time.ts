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
